import net from 'node:net';

/**
 * True for an address on this machine's loopback interface: 127.0.0.0/8, ::1, and IPv4 loopback
 * written as IPv6 (::ffff:127.x.x.x, what a dual-stack socket reports for an IPv4 peer).
 */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.replace(/^\[|\]$/g, '').toLowerCase();
  const ipv4 = plain.startsWith('::ffff:') ? plain.slice('::ffff:'.length) : plain;
  if (net.isIPv4(ipv4)) return ipv4.split('.')[0] === '127';
  return plain === '::1' || plain === '0:0:0:0:0:0:0:1';
}

/**
 * A URL host that names this machine's loopback: an address, or exactly "localhost" (which the hosts
 * file answers; "*.localhost" may be asked of DNS, which an attacker can answer).
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'localhost' || isLoopbackAddress(host);
}
