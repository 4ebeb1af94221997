import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Cluster, Redis } from 'ioredis';
import { ETagConflictError } from './ETagConflictError';
import { RedisStateKey, toRedisStateKey } from './stateKeys';
import { WRITE_STATE_COMMAND, WRITE_STATE_LUA } from './writeStateScript';

export interface RedisStorageOptions {
  keyPrefix: string;
  /** Conversation state expires this long after its last write; user state does not expire. */
  conversationTtlSeconds: number;
}

interface KeyedItem<T> {
  botKey: string;
  key: RedisStateKey;
  item: T;
}

/**
 * botbuilder's Storage on Redis. One read or write of many keys is one command per hash slot, sent
 * back to back without waiting for each other, so a turn's state costs one round-trip time to read
 * and one to write.
 */
export class RedisStorage implements Storage {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly options: RedisStorageOptions,
  ) {
    if (!redis) throw new Error('RedisStorage needs a Redis client');
    // Idempotent: ioredis keeps one definition per name and sends the script by its SHA.
    redis.defineCommand(WRITE_STATE_COMMAND, { lua: WRITE_STATE_LUA });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const groups = this.groupBySlot(
      keys.map((botKey) => ({ botKey, key: this.toKey(botKey), item: undefined })),
    );
    const results = await Promise.all(
      groups.map(async (group) => {
        const values = await this.redis.mget(...group.map((entry) => entry.key.redisKey));
        return group.map((entry, index) => [entry.botKey, values[index]] as const);
      }),
    );
    const items: StoreItems = {};
    for (const [botKey, raw] of results.flat()) {
      if (raw === null || raw === undefined) continue;
      const newline = raw.indexOf('\n');
      const stored = JSON.parse(raw.slice(newline + 1)) as StoreItem;
      stored.eTag = raw.slice(0, newline);
      items[botKey] = stored;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes).map(([botKey, item]) => ({
      botKey,
      key: this.toKey(botKey),
      item: (item ?? {}) as StoreItem,
    }));
    const newETags = new Map(entries.map((entry) => [entry.botKey, randomUUID()]));
    await Promise.all(
      this.groupBySlot(entries).map(async (group) => {
        const args: (string | number)[] = group.map((entry) => entry.key.redisKey);
        for (const entry of group) {
          const { eTag, ...document } = entry.item;
          const ttl = entry.key.isConversationState ? this.options.conversationTtlSeconds : 0;
          args.push(eTag ?? '', newETags.get(entry.botKey) ?? '', JSON.stringify(document), ttl);
        }
        const staleIndex = await this.redis.fppWriteState(group.length, ...args);
        if (staleIndex > 0) throw new ETagConflictError(group[staleIndex - 1].botKey);
      }),
    );
    // Hand the new eTags back on the items, so a second write in the same turn is not stale.
    for (const entry of entries) entry.item.eTag = newETags.get(entry.botKey);
  }

  async delete(keys: string[]): Promise<void> {
    const groups = this.groupBySlot(
      keys.map((botKey) => ({ botKey, key: this.toKey(botKey), item: undefined })),
    );
    await Promise.all(groups.map((group) => this.redis.del(...group.map((entry) => entry.key.redisKey))));
  }

  private toKey(botKey: string): RedisStateKey {
    return toRedisStateKey(this.options.keyPrefix, botKey);
  }

  /** Multi-key commands must stay within one hash slot (Redis Cluster); same tag means same slot. */
  private groupBySlot<T>(entries: KeyedItem<T>[]): KeyedItem<T>[][] {
    const groups = new Map<string, KeyedItem<T>[]>();
    for (const entry of entries) {
      const group = groups.get(entry.key.hashTag) ?? [];
      group.push(entry);
      groups.set(entry.key.hashTag, group);
    }
    return [...groups.values()];
  }
}
