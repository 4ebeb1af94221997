import { isLoopback, isPrivate } from '../../src/server/registerMetricsRoute';

describe('which peers count as loopback or internal for /metrics', () => {
  it.each([
    ['127.0.0.1', true, true],
    ['::ffff:127.0.0.1', true, true],
    ['::1', true, true],
    ['10.1.2.3', false, true],
    ['172.16.0.9', false, true],
    ['172.31.255.1', false, true],
    ['172.32.0.1', false, false],
    ['192.168.1.20', false, true],
    ['::ffff:192.168.1.20', false, true],
    ['fd12:3456::1', false, true],
    ['8.8.8.8', false, false],
    ['2001:db8::1', false, false],
    ['', false, false],
  ])('%s: loopback %s, internal %s', (address, loopback, internal) => {
    expect(isLoopback(address)).toBe(loopback);
    expect(isLoopback(address) || isPrivate(address)).toBe(internal);
  });
});
