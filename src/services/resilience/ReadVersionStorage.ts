import type { Storage, StoreItem, StoreItems } from 'botbuilder';

/**
 * botbuilder's BotState saves with eTag "*" (last writer wins), so two turns of one conversation
 * saving at once would silently lose one turn's update. This Storage remembers the eTag of every
 * item it handed out and writes that item back with it: the later save then fails with an eTag
 * conflict, and the turn runs again on fresh state (retryOnConflict). Items it did not hand out
 * (a conversation's very first state) are written as they come.
 */
export class ReadVersionStorage implements Storage {
  private readonly versions = new WeakMap<object, string>();

  constructor(private readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    for (const item of Object.values(items) as StoreItem[]) this.remember(item);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const item of Object.values(changes) as Array<StoreItem | undefined>) {
      const version = item && this.versions.get(item);
      if (item && version && item.eTag === '*') item.eTag = version;
    }
    await this.inner.write(changes);
    // The store hands the new eTag back on the item; a second save in the same turn builds on it.
    for (const item of Object.values(changes) as StoreItem[]) this.remember(item);
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }

  private remember(item: StoreItem | undefined): void {
    if (item && typeof item.eTag === 'string' && item.eTag !== '*') this.versions.set(item, item.eTag);
  }
}
