/** What a page may load and who may frame it. */
export interface PageSecurityOptions {
  /** CSP frame-ancestors sources, e.g. "'self' https://help.example.com". */
  frameAncestors: string;
  /** Origins the page may call besides its own (the Direct Line service in production). */
  connectSources?: readonly string[];
}

/**
 * Security headers for an HTML page served by the bot: scripts only from this origin (no inline
 * script, no eval), inline styles allowed because Web Chat injects its own, no plugins, no forms
 * posting elsewhere, framing only by the configured ancestors, no referrer sent anywhere.
 */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const connect = ["'self'", ...(options.connectSources ?? [])].join(' ');
  const policy = [
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
  ].join('; ');
  return { 'content-security-policy': policy, ...assetSecurityHeaders() };
}

/** For everything else the bot serves to a browser (scripts, styles). */
export function assetSecurityHeaders(): Record<string, string> {
  return { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
}
