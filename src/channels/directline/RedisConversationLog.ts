import type { Activity } from 'botbuilder';
import type { Cluster, Redis } from 'ioredis';
import { RedisLuaScript } from '../../services/storage/redisLuaScript';
import {
  activityIdAt,
  ActivityPage,
  ConversationLog,
  ConversationRecord,
  ConversationUser,
  DEFAULT_MAX_ACTIVITIES,
} from './ConversationLog';

// KEYS[1] meta hash, KEYS[2] activity list; both carry the conversation's hash tag (one slot).
const APPEND = new RedisLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local position = redis.call('HINCRBY', KEYS[1], 'count', 1) - 1
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[3])
return position`);

const READ_AFTER = new RedisLuaScript(`
local count = redis.call('HGET', KEYS[1], 'count')
if not count then return false end
count = tonumber(count)
local first = count - redis.call('LLEN', KEYS[2])
local from = math.max(tonumber(ARGV[1]), first)
if from >= count then return {count, from, {}} end
return {count, from, redis.call('LRANGE', KEYS[2], from - first, -1)}`);

const MARK_STARTED = new RedisLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[1])
return redis.call('HSETNX', KEYS[1], 'started', '1')`);

export interface RedisConversationLogOptions {
  keyPrefix: string;
  idleTtlSeconds: number;
  maxActivities?: number;
}

/**
 * The conversation log in Redis, shared by every bot process, so a page may poll any of them.
 * Key layout (hash tag in braces):
 *   <prefix>:dl:{<conversationId>}:meta  hash { user: JSON, tokenHash, count, started }
 *   <prefix>:dl:{<conversationId>}:log   list of activity JSON, the last maxActivities only
 * Both expire idleTtlSeconds after the conversation's last activity.
 */
export class RedisConversationLog implements ConversationLog {
  private readonly maxActivities: number;

  constructor(
    private readonly client: Redis | Cluster,
    private readonly options: RedisConversationLogOptions,
  ) {
    // A brace in the prefix would become every key's hash tag and pile them on one slot.
    if (!options.keyPrefix || /[{}]/.test(options.keyPrefix))
      throw new Error('RedisConversationLog needs a key prefix without braces');
    this.maxActivities = options.maxActivities ?? DEFAULT_MAX_ACTIVITIES;
  }

  async create(record: ConversationRecord): Promise<void> {
    const [meta] = this.keys(record.id);
    await this.client
      .multi()
      .hset(meta, 'user', JSON.stringify(record.user), 'tokenHash', record.tokenHash, 'count', '0')
      .expire(meta, this.options.idleTtlSeconds)
      .exec();
  }

  async find(conversationId: string): Promise<ConversationRecord | undefined> {
    const [meta] = this.keys(conversationId);
    const [user, tokenHash] = await this.client.hmget(meta, 'user', 'tokenHash');
    if (!user || !tokenHash) return undefined;
    return { id: conversationId, user: JSON.parse(user) as ConversationUser, tokenHash };
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const [meta] = this.keys(conversationId);
    const result = await MARK_STARTED.run(this.client, [meta], [String(this.options.idleTtlSeconds)]);
    return result === 1;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<string | undefined> {
    const position = (await APPEND.run(this.client, this.keys(conversationId), [
      JSON.stringify(activity),
      String(this.maxActivities),
      String(this.options.idleTtlSeconds),
    ])) as number;
    return position < 0 ? undefined : activityIdAt(conversationId, position);
  }

  async readAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const result = (await READ_AFTER.run(this.client, this.keys(conversationId), [String(watermark)])) as
      [number, number, string[]] | null;
    if (!result) return undefined;
    const [count, from, items] = result;
    const activities = items.map((json, offset) => ({
      ...(JSON.parse(json) as Partial<Activity>),
      id: activityIdAt(conversationId, from + offset),
    }));
    return { activities, watermark: count };
  }

  private keys(conversationId: string): [string, string] {
    const base = `${this.options.keyPrefix}:dl:{${conversationId}}`;
    return [`${base}:meta`, `${base}:log`];
  }
}
