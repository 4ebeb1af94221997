import type { Request } from 'restify';

/**
 * The address a request comes from. Directly on the internet, the socket's peer. Behind
 * `trustedProxyHops` reverse proxies (a load balancer, App Service), the address the outermost
 * trusted proxy saw: that many entries from the right of X-Forwarded-For. Entries further left
 * are the client's own claim and are never used, so a client cannot pick its own address.
 */
export function clientAddressOf(req: Request, trustedProxyHops: number): string {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return peer;
  const forwarded = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return forwarded[forwarded.length - trustedProxyHops] ?? peer;
}
