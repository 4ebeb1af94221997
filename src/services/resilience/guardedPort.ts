import type { StorageGuard } from './StorageGuard';

/**
 * Wraps every method of a storage port (an object whose methods return promises: botbuilder's
 * Storage, the dispute store, the hand-off and transcript stores) so each call goes through the
 * storage circuit breaker and its timeout. One mechanism for every store, so none can bypass it
 * and make a user wait out the command timeout on each call during an outage.
 */
export function guardedPort<Port extends object>(inner: Port, guard: StorageGuard, name: string): Port {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) =>
        guard.run(`${name} ${String(property)}`, async () => member.apply(target, args) as unknown);
    },
  });
}
