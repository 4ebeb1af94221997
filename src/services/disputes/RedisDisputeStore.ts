import type { Cluster, Redis } from 'ioredis';
import type { DisputeStore, VersionedDispute } from './DisputeStore';
import { CorruptDisputeError } from './errors';
import { idempotencyKeyPart, ownerKeyPart } from './ownerKeys';
import { RedisLuaScript } from '../storage/redisLuaScript';
import type { Dispute } from './schemas';
import { deserializeDispute, serializeDispute } from './storedDispute';

// Each script touches a single key, so it can never cross hash slots on a Redis Cluster.
const INSERT_IF_ABSENT = new RedisLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'version', '1')
return 1`);

const CLAIM_OR_READ_BINDING = new RedisLuaScript(`
local bound = redis.call('GET', KEYS[1])
if bound then return bound end
redis.call('SET', KEYS[1], ARGV[1])
return ARGV[1]`);

const REPLACE_IF_VERSION = new RedisLuaScript(`
if redis.call('HGET', KEYS[1], 'version') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'data', ARGV[2], 'version', ARGV[3])
return 1`);

/**
 * Disputes in Redis, shared by every bot process. Key layout (hash tags in braces):
 *   <prefix>:dispute:{<id>}                          hash { data: JSON, version }
 *   <prefix>:owner:{<sha256(owner)[0..16]>}:disputes sorted set of ids, score = createdAt ms
 *   <prefix>:owner:{<sha256(owner)[0..16]>}:idem:<sha256(owner, key)>  the id a filing key is bound to
 */
export class RedisDisputeStore implements DisputeStore {
  readonly durable = true;

  constructor(
    private readonly client: Redis | Cluster,
    private readonly prefix: string,
  ) {
    // A brace in the prefix would become the hash tag of every key and pile them on one slot.
    if (!prefix || /[{}]/.test(prefix))
      throw new Error('RedisDisputeStore needs a non-empty prefix without braces');
  }

  private disputeKey(disputeId: string): string {
    return `${this.prefix}:dispute:{${disputeId}}`;
  }

  private ownerKey(ownerId: string, suffix: string): string {
    return `${this.prefix}:owner:{${ownerKeyPart(ownerId)}}:${suffix}`;
  }

  async insert(dispute: Dispute): Promise<boolean> {
    const inserted = await INSERT_IF_ABSENT.run(
      this.client,
      [this.disputeKey(dispute.id)],
      [serializeDispute(dispute)],
    );
    return inserted === 1;
  }

  async claimIdempotencyKey(ownerId: string, idempotencyKey: string, candidateId: string): Promise<string> {
    const key = this.ownerKey(ownerId, `idem:${idempotencyKeyPart(ownerId, idempotencyKey)}`);
    const bound = await CLAIM_OR_READ_BINDING.run(this.client, [key], [candidateId]);
    if (typeof bound !== 'string') throw new Error(`Unexpected reply binding a filing key: ${String(bound)}`);
    return bound;
  }

  async addToOwnerIndex(ownerId: string, disputeId: string, createdAt: Date): Promise<void> {
    await this.client.zadd(this.ownerKey(ownerId, 'disputes'), createdAt.getTime(), disputeId);
  }

  async listIdsForOwner(ownerId: string): Promise<string[]> {
    return this.client.zrevrange(this.ownerKey(ownerId, 'disputes'), 0, -1);
  }

  async get(disputeId: string): Promise<VersionedDispute | undefined> {
    const [data, version] = await this.client.hmget(this.disputeKey(disputeId), 'data', 'version');
    if (data === null) return undefined;
    const parsedVersion = Number(version);
    if (!Number.isSafeInteger(parsedVersion) || parsedVersion < 1) {
      throw new CorruptDisputeError(disputeId, `bad version ${String(version)}`);
    }
    return { dispute: deserializeDispute(disputeId, data), version: parsedVersion };
  }

  async replace(dispute: Dispute, expectedVersion: number): Promise<boolean> {
    const replaced = await REPLACE_IF_VERSION.run(
      this.client,
      [this.disputeKey(dispute.id)],
      [String(expectedVersion), serializeDispute(dispute), String(expectedVersion + 1)],
    );
    return replaced === 1;
  }

  async removeUnreachable(disputeId: string): Promise<void> {
    await this.client.del(this.disputeKey(disputeId));
  }
}
