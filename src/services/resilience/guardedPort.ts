import type { StorageGuard } from './StorageGuard';

/**
 * Wraps every method of a storage port (an object whose methods return promises: botbuilder's
 * Storage, the dispute store, the hand-off and transcript stores) so each call goes through the
 * storage circuit breaker and its timeout. One mechanism for every store, so none can bypass it
 * and make a user wait out the command timeout on each call during an outage.
 */
export function guardedPort<Port extends object>(inner: Port, guard: StorageGuard, name: string): Port {
  // One wrapper per method, made on first use: several calls a turn, each used to build a closure
  // and its operation name.
  const wrappers = new Map<PropertyKey, { member: (...args: unknown[]) => unknown; wrapper: unknown }>();
  return new Proxy(inner, {
    get(target, property, receiver) {
      const member: unknown = Reflect.get(target, property, receiver);
      if (typeof member !== 'function') return member;
      const known = wrappers.get(property);
      if (known?.member === member) return known.wrapper;
      const operation = `${name} ${String(property)}`;
      const wrapper = (...args: unknown[]) =>
        guard.run(operation, async () => member.apply(target, args) as unknown);
      wrappers.set(property, { member: member as (...args: unknown[]) => unknown, wrapper });
      return wrapper;
    },
  });
}
