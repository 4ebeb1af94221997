import type { Request } from 'restify';

/** Where a request comes from, for the per-address limits. */
export interface Client {
  address: string;
  /** This machine itself (the Emulator, a load test, a local tool): not limited per address. */
  onThisMachine: boolean;
}

const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * Directly on the network, the client is the socket's peer. Behind `trustedProxyHops` reverse
 * proxies (a load balancer, App Service), it is the address the outermost trusted proxy saw: that
 * many entries from the right of X-Forwarded-For. Entries further left are the client's own claim
 * and are never used, so a client cannot pick its address; nor can it claim to be this machine.
 */
export function clientOf(req: Request, trustedProxyHops: number): Client {
  const peer = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops <= 0) return { address: peer, onThisMachine: LOOPBACK.test(peer) };
  const forwarded = (req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  return { address: forwarded[forwarded.length - trustedProxyHops] ?? peer, onThisMachine: false };
}
