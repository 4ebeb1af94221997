import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import { parseBotStateKey } from '../../storage/botStateKey';
import { ETagConflictError, isStaleETag } from '../../storage/ETagConflictError';

interface StoredEntry {
  eTag: string;
  json: string;
  expiresAt: number | undefined;
}

/**
 * The same Storage contract as RedisStorage, in this process's memory: the default when no Redis is
 * configured. Nothing survives a restart and nothing is shared between processes.
 */
export class InMemoryStorage implements Storage {
  private readonly entries = new Map<string, StoredEntry>();
  private writesSinceSweep = 0;

  constructor(
    private readonly conversationTtlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.liveEntry(key);
      if (entry) items[key] = { ...(JSON.parse(entry.json) as StoreItem), eTag: entry.eTag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    // Check every item before writing any, as the Redis script does.
    for (const [key, item] of Object.entries(changes)) {
      if (isStaleETag((item as StoreItem | undefined)?.eTag, this.liveEntry(key)?.eTag)) {
        throw new ETagConflictError(key);
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _eTag, ...document } = (item ?? {}) as StoreItem;
      const eTag = randomUUID();
      const expires = parseBotStateKey(key).isConversationState;
      this.entries.set(key, {
        eTag,
        json: JSON.stringify(document),
        expiresAt: expires ? this.now() + this.conversationTtlSeconds * 1000 : undefined,
      });
      if (item) (item as StoreItem).eTag = eTag;
    }
    this.sweepNowAndThen();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  /** Abandoned conversations would otherwise stay in memory until read again. */
  private sweepNowAndThen(): void {
    if (++this.writesSinceSweep < 1000) return;
    this.writesSinceSweep = 0;
    for (const key of [...this.entries.keys()]) this.liveEntry(key);
  }

  private liveEntry(key: string): StoredEntry | undefined {
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
