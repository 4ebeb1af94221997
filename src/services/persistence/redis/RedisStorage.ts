import { randomUUID } from 'node:crypto';
import type { Storage, StoreItem, StoreItems } from 'botbuilder';
import type { Cluster, Redis } from 'ioredis';
import { ETagConflictError } from '../../storage/ETagConflictError';
import { leaveReadJson, takeJsonToWrite } from '../../storage/serializedState';
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

/** Bot-state keys remembered with their Redis form (a conversation's few keys recur every turn). */
const MAX_REMEMBERED_KEYS = 10_000;

/**
 * botbuilder's Storage on Redis. One read or write of many keys is one command (MGET, or one atomic
 * script), so a turn's state costs one round trip to read and one to write; on Redis Cluster, one
 * command per hash slot, sent back to back.
 */
interface PendingRead {
  keys: Set<string>;
  result: Promise<Map<string, string | null>>;
}

export class RedisStorage implements Storage {
  private pendingRead: PendingRead | undefined;
  private readonly keys = new Map<string, RedisStateKey>();

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly options: RedisStorageOptions,
  ) {
    if (!redis) throw new Error('RedisStorage needs a Redis client');
    // Idempotent: ioredis keeps one definition per name and sends the script by its SHA.
    redis.defineCommand(WRITE_STATE_COMMAND, { lua: WRITE_STATE_LUA });
  }

  async read(keys: string[]): Promise<StoreItems> {
    const raw = await this.readCoalesced(keys);
    const items: StoreItems = {};
    for (const botKey of keys) {
      const value = raw.get(botKey);
      if (value === null || value === undefined) continue;
      // Parsed per caller, so two callers of one key never share (and mutate) one object.
      const newline = value.indexOf('\n');
      const json = value.slice(newline + 1);
      const stored = JSON.parse(json) as StoreItem;
      leaveReadJson(stored, json);
      stored.eTag = value.slice(0, newline);
      items[botKey] = stored;
    }
    return items;
  }

  /**
   * A turn loads conversation and user state through two BotState objects, each calling read() on its
   * own. Reads issued in the same pass of the microtask queue are gathered into one MGET (per hash slot
   * on a cluster), so loading a turn's state is one round trip rather than one per state object. A
   * microtask, not setImmediate: the MGET then still joins the turn's other early reads in the
   * client's pipeline (tickBatchedRedis), which is sent at setImmediate.
   */
  private readCoalesced(keys: string[]): Promise<Map<string, string | null>> {
    if (!this.pendingRead) {
      const batch: PendingRead = { keys: new Set(), result: Promise.resolve(new Map()) };
      batch.result = new Promise((resolve, reject) => {
        queueMicrotask(() => {
          this.pendingRead = undefined;
          this.readNow([...batch.keys]).then(resolve, reject);
        });
      });
      this.pendingRead = batch;
    }
    for (const key of keys) this.pendingRead.keys.add(key);
    return this.pendingRead.result;
  }

  private async readNow(keys: string[]): Promise<Map<string, string | null>> {
    const groups = this.groupBySlot(
      keys.map((botKey) => ({ botKey, key: this.toKey(botKey), item: undefined })),
    );
    const results = await Promise.all(
      groups.map(async (group) => {
        const values = await this.redis.mget(...group.map((entry) => entry.key.redisKey));
        return group.map((entry, index) => [entry.botKey, values[index] ?? null] as const);
      }),
    );
    return new Map(results.flat());
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
          const ttl = entry.key.isConversationState ? this.options.conversationTtlSeconds : 0;
          const json = takeJsonToWrite(entry.item) ?? withoutETag(entry.item);
          args.push(entry.item.eTag ?? '', newETags.get(entry.botKey) ?? '', json, ttl);
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
    // A conversation's keys are mapped on every read and write of its turns: remembered (bounded).
    const known = this.keys.get(botKey);
    if (known) return known;
    if (this.keys.size >= MAX_REMEMBERED_KEYS) this.keys.clear();
    const key = toRedisStateKey(this.options.keyPrefix, botKey);
    this.keys.set(botKey, key);
    return key;
  }

  /**
   * On Redis Cluster a multi-key command must stay within one hash slot (same tag, same slot), so keys
   * are grouped by tag. A single Redis server has no slots: all keys go in one command, one round trip.
   */
  private groupBySlot<T>(entries: KeyedItem<T>[]): KeyedItem<T>[][] {
    if (!this.redis.isCluster) return entries.length > 0 ? [entries] : [];
    const groups = new Map<string, KeyedItem<T>[]>();
    for (const entry of entries) {
      const group = groups.get(entry.key.hashTag) ?? [];
      group.push(entry);
      groups.set(entry.key.hashTag, group);
    }
    return [...groups.values()];
  }
}

function withoutETag(item: StoreItem): string {
  const { eTag: _eTag, ...document } = item;
  return JSON.stringify(document);
}
