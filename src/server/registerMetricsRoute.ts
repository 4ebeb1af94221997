import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { OperationsMetrics } from '../services/metrics/OperationsMetrics';

/** Who may read /metrics when no token is configured: loopback peers, internal addresses, or nobody. */
export type MetricsPeers = 'loopback' | 'private' | 'off';

export interface MetricsRouteOptions {
  metrics: OperationsMetrics;
  /** METRICS_TOKEN: when set, a matching `Authorization: Bearer` is required from any peer. */
  token: string | undefined;
  /** METRICS_WITHOUT_TOKEN: which peers are served when there is no token. */
  withoutToken: MetricsPeers;
}

/** GET /metrics in Prometheus's text format, for a bearer token or (without one) the allowed peers. */
export function registerMetricsRoute(server: Server, options: MetricsRouteOptions): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    if (!mayRead(req, options)) {
      res.send(options.token ? 401 : 403, { error: options.token ? 'unauthorized' : 'forbidden' });
      return;
    }
    const { contentType, body } = await options.metrics.exposition();
    res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(body);
  });
}

function mayRead(req: Request, options: MetricsRouteOptions): boolean {
  if (options.token) return bearerMatches(req.header('authorization'), options.token);
  const peer = req.socket.remoteAddress ?? '';
  if (options.withoutToken === 'loopback') return isLoopback(peer);
  if (options.withoutToken === 'private') return isLoopback(peer) || isPrivate(peer);
  return false;
}

function bearerMatches(authorization: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The peer address without the IPv4-mapped IPv6 prefix Node reports on dual-stack sockets. */
function plainAddress(address: string): string {
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

export function isLoopback(address: string): boolean {
  const plain = plainAddress(address);
  return plain === '::1' || plain.startsWith('127.');
}

/** RFC 1918 IPv4 ranges and IPv6 unique-local addresses (fc00::/7). */
export function isPrivate(address: string): boolean {
  const plain = plainAddress(address).toLowerCase();
  if (/^(fc|fd)[0-9a-f]{2}:/.test(plain)) return true;
  const octets = plain.split('.').map(Number);
  if (octets.length !== 4 || octets.some((octet) => !Number.isInteger(octet))) return false;
  const [first, second] = octets as [number, number, number, number];
  return first === 10 || (first === 172 && second >= 16 && second <= 31) || (first === 192 && second === 168);
}
