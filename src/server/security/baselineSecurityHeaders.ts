import type { Next, Request, Response } from 'restify';

/**
 * Headers every response carries unless its route sets its own (the widget page sets a CSP that
 * lets Web Chat run and names who may frame it): no MIME sniffing, no referrer, nothing loaded or
 * framed from a JSON answer, nothing cached, and HTTPS only once a browser has seen it over TLS.
 */
const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'strict-transport-security': 'max-age=31536000',
};

/** restify handler (server.use): runs before each route, which may override any of these. */
export function baselineSecurityHeaders(_req: Request, res: Response, next: Next): void {
  for (const [name, value] of Object.entries(BASELINE_SECURITY_HEADERS)) res.header(name, value);
  next();
}
