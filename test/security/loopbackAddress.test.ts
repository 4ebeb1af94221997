import { isLoopbackAddress, isLoopbackHost } from '../../src/services/network/loopback';

/** What development mode counts as "this machine": the peer addresses a socket reports, and URL hosts. */
describe('loopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1', '[::1]'])(
    '%s is this machine',
    (address) => {
      expect(isLoopbackAddress(address)).toBe(true);
    },
  );

  it.each([
    '192.0.2.2',
    '::ffff:192.0.2.2',
    '0.0.0.0',
    '::',
    'fd00::1',
    '128.0.0.1',
    'localhost',
    '',
    undefined,
  ])('%s is not a loopback peer address', (address) => {
    expect(isLoopbackAddress(address)).toBe(false);
  });

  it('takes exactly "localhost" as a host name, never a name DNS could answer', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('LOCALHOST.')).toBe(true);
    expect(isLoopbackHost('evil.localhost')).toBe(false);
    expect(isLoopbackHost('localhost.evil.example')).toBe(false);
    expect(isLoopbackHost('[::1]')).toBe(true);
  });
});
