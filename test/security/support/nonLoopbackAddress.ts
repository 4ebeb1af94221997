import os from 'node:os';

/**
 * An IPv4 address of this machine that is not loopback. A connection to it never leaves the machine,
 * yet the server sees it as the peer's address: how these tests play "another machine".
 */
export function nonLoopbackAddress(): string {
  const found = Object.values(os.networkInterfaces())
    .flat()
    .find((each) => each && each.family === 'IPv4' && !each.internal);
  if (!found)
    throw new Error('These tests need a network interface besides loopback to play another machine');
  return found.address;
}
