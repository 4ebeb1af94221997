import type { Next, Request, Response } from 'restify';

/**
 * Every security header the bot sends, in one place: the baseline on every response, and the policies
 * of the two HTML pages it serves (the support widget and the agent console) and of their assets.
 */

/** What a browser must never do with anything the bot serves: guess a type, or pass a referrer on. */
const EVERY_RESPONSE: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Headers every response carries unless its route sets its own (the pages set a CSP that lets their
 * scripts run): nothing loaded or framed from a JSON answer, nothing cached, and HTTPS only once a
 * browser has seen it over TLS.
 */
const BASELINE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...EVERY_RESPONSE,
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'strict-transport-security': 'max-age=31536000',
};

/** restify handler (server.use): runs before each route, which may override any of these. */
export function baselineSecurityHeaders(_req: Request, res: Response, next: Next): void {
  for (const [name, value] of Object.entries(BASELINE_SECURITY_HEADERS)) res.header(name, value);
  next();
}

/** For everything else the bot serves to a browser (scripts, styles). */
export function assetSecurityHeaders(): Record<string, string> {
  return { ...EVERY_RESPONSE };
}

/** What the widget page may load and who may frame it. */
export interface WidgetPageSecurityOptions {
  /** CSP frame-ancestors sources, e.g. "'self' https://help.example.com". */
  frameAncestors: string;
  /** Origins the page may call besides its own (the Direct Line service in production). */
  connectSources?: readonly string[];
}

/**
 * The support widget: scripts only from this origin (no inline script, no eval), inline styles
 * allowed because Web Chat injects its own, no plugins, no forms posting elsewhere, framing only by
 * the configured ancestors.
 */
export function widgetPageSecurityHeaders(options: WidgetPageSecurityOptions): Record<string, string> {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  return pageHeaders([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${options.frameAncestors}`,
  ]);
}

/** The agent console and dashboard (and their assets): everything from this origin, no inline script, never framed. */
export function consoleSecurityHeaders(): Record<string, string> {
  return pageHeaders([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ]);
}

function pageHeaders(policy: readonly string[]): Record<string, string> {
  return { 'content-security-policy': policy.join('; '), ...EVERY_RESPONSE };
}
