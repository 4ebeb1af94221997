import type { Storage, StoreItems } from 'botbuilder';
import type { StorageGuard } from './StorageGuard';

/** botbuilder's Storage with every call going through the storage circuit breaker. */
export class GuardedStorage implements Storage {
  constructor(
    private readonly inner: Storage,
    private readonly guard: StorageGuard,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.guard.run('state read', () => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.guard.run('state write', () => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.guard.run('state delete', () => this.inner.delete(keys));
  }
}
