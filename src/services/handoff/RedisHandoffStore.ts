import { hash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Cluster, Redis } from 'ioredis';
import { RedisLuaScript } from '../storage/redisLuaScript';
import type { AcceptResult, HandoffStore } from './HandoffStore';
import type { CaseMessage, HandoffCase, HandoffEnd, HandoffStatus, NewHandoffCase } from './handoffCase';

// Scripts touch only one case's keys (same hash tag), so they never cross a Redis Cluster slot.
const ENQUEUE = new RedisLuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if status == 'waiting' or status == 'accepted' then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('HSET', KEYS[1], 'data', ARGV[1], 'status', 'waiting', 'seq', '0')
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`);

// A user's case is opened under their own short lock (SET NX PX), which also reads (same hash tag)
// which conversation holds their latest case: checking that one and queueing the new one cannot
// interleave with another request of the same user, in this process or any other.
// KEYS: lock, latest; ARGV: token, lock ms. Returns {1, latest or ''} when locked, {0, ''} when busy.
const LOCK_OWNER = new RedisLuaScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return {1, redis.call('GET', KEYS[2]) or ''}
end
return {0, ''}`);

// KEYS: lock, latest; ARGV: token, the case id just opened ('' for none), its TTL.
const UNLOCK_OWNER = new RedisLuaScript(`
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`);

/** Longer than the few commands it covers; the storage guard's timeout bounds the whole call anyway. */
const OWNER_LOCK_MS = 2_000;
/** A second request of the same user waits this long at most for the first to finish, then refuses. */
const OWNER_LOCK_WAIT_MS = 1_000;
const OWNER_LOCK_RETRY_MS = 20;

const ACCEPT = new RedisLuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if status == 'closed' then return 'closed' end
if status == 'accepted' then
  if redis.call('HGET', KEYS[1], 'agentId') == ARGV[1] then return 'again' end
  return 'taken'
end
redis.call('HSET', KEYS[1], 'status', 'accepted', 'agentId', ARGV[1], 'acceptedAt', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 'ok'`);

const CLOSE = new RedisLuaScript(`
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'waiting' and status ~= 'accepted' then return 0 end
redis.call('HSET', KEYS[1], 'status', 'closed', 'endedBy', ARGV[1], 'closedAt', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`);

const CLAIM_TIMEOUT_NOTICE = new RedisLuaScript(`
if redis.call('HGET', KEYS[1], 'status') ~= 'waiting' then return 0 end
if redis.call('HSETNX', KEYS[1], 'timeoutNotifiedAt', ARGV[1]) == 0 then return 0 end
return 1`);

// ARGV[1] is the message as a JSON object without its seq; the seq is spliced in as its first field.
const APPEND_MESSAGE = new RedisLuaScript(`
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('RPUSH', KEYS[2], '{"seq":' .. seq .. ',' .. string.sub(ARGV[1], 2))
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
redis.call('EXPIRE', KEYS[2], ARGV[3])
return seq`);

export interface RedisHandoffStoreOptions {
  prefix: string;
  /** How long a case and its messages are kept after their last change. */
  caseTtlSeconds: number;
  maxMessagesPerCase: number;
}

/**
 * The hand-off queue in Redis, shared by every bot process. Key layout (hash tags in braces):
 *   <prefix>:handoff:queue                       sorted set of open case ids, score = queued-at ms
 *   <prefix>:handoff:{<sha256(id)[0..16]>}:case  hash { data: JSON, status, agentId, acceptedAt, ... }
 *   <prefix>:handoff:{<sha256(id)[0..16]>}:msgs  list of the case's messages, newest last, bounded
 *   <prefix>:handoff:user:{<sha256(ownerId)[0..16]>}          id of the user's latest case
 *   <prefix>:handoff:user:{<sha256(ownerId)[0..16]>}:opening  the user's lock while a case is opened
 */
export class RedisHandoffStore implements HandoffStore {
  private readonly queueKey: string;

  constructor(
    private readonly client: Redis | Cluster,
    private readonly options: RedisHandoffStoreOptions,
  ) {
    if (!options.prefix || /[{}]/.test(options.prefix))
      throw new Error('RedisHandoffStore needs a non-empty prefix without braces');
    this.queueKey = `${options.prefix}:handoff:queue`;
  }

  private keys(id: string): [caseKey: string, messagesKey: string] {
    const tag = hash('sha256', id, 'hex').slice(0, 16);
    const base = `${this.options.prefix}:handoff:{${tag}}`;
    return [`${base}:case`, `${base}:msgs`];
  }

  private ownerKeys(ownerId: string): [lockKey: string, latestKey: string] {
    const tag = hash('sha256', ownerId, 'hex').slice(0, 16);
    const base = `${this.options.prefix}:handoff:user:{${tag}}`;
    return [`${base}:opening`, base];
  }

  private get ttl(): string {
    return String(this.options.caseTtlSeconds);
  }

  async enqueue(newCase: NewHandoffCase): Promise<boolean> {
    const ownerKeys = this.ownerKeys(newCase.ownerId);
    const token = randomUUID();
    const locked = await this.lockOwner(ownerKeys, token);
    if (!locked) return false;
    let created = false;
    try {
      const latest = locked.latest;
      if (latest && latest !== newCase.id) {
        const status = await this.client.hget(this.keys(latest)[0], 'status');
        if (status === 'waiting' || status === 'accepted') return false;
      }
      created =
        (await ENQUEUE.run(this.client, this.keys(newCase.id), [JSON.stringify(newCase), this.ttl])) === 1;
      if (created) await this.client.zadd(this.queueKey, Date.parse(newCase.queuedAt), newCase.id);
      return created;
    } finally {
      await UNLOCK_OWNER.run(this.client, ownerKeys, [token, created ? newCase.id : '', this.ttl]);
    }
  }

  /** Takes the user's opening lock, waiting a little for another request of theirs; undefined if still busy. */
  private async lockOwner(
    ownerKeys: [string, string],
    token: string,
  ): Promise<{ latest: string | undefined } | undefined> {
    const giveUpAt = Date.now() + OWNER_LOCK_WAIT_MS;
    for (;;) {
      const [locked, latest] = (await LOCK_OWNER.run(this.client, ownerKeys, [
        token,
        String(OWNER_LOCK_MS),
      ])) as [number, string];
      if (locked === 1) return { latest: latest || undefined };
      if (Date.now() >= giveUpAt) return undefined;
      await sleep(OWNER_LOCK_RETRY_MS);
    }
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    return parseCase(await this.client.hgetall(this.keys(id)[0]));
  }

  async listOpen(): Promise<HandoffCase[]> {
    const ids = await this.client.zrange(this.queueKey, 0, -1);
    const cases = await Promise.all(ids.map((id) => this.get(id)));
    // Expired or closed cases whose queue entry was left behind (a process stopped mid-way) are tidied up.
    const stale = ids.filter(
      (_id, index) => cases[index]?.status !== 'waiting' && cases[index]?.status !== 'accepted',
    );
    if (stale.length > 0) await this.client.zrem(this.queueKey, ...stale);
    return cases.filter((item): item is HandoffCase => item !== undefined && item.status !== 'closed');
  }

  async accept(id: string, agentId: string, at: string): Promise<AcceptResult> {
    const outcome = await ACCEPT.run(this.client, [this.keys(id)[0]], [agentId, at, this.ttl]);
    const current = await this.get(id);
    if ((outcome === 'ok' || outcome === 'again') && current)
      return { accepted: true, case: current, newly: outcome === 'ok' };
    const reason = outcome === 'closed' || outcome === 'taken' ? outcome : 'not_found';
    return { accepted: false, reason, case: current };
  }

  async close(id: string, endedBy: HandoffEnd, at: string): Promise<HandoffCase | undefined> {
    const closed = await CLOSE.run(this.client, [this.keys(id)[0]], [endedBy, at, this.ttl]);
    await this.client.zrem(this.queueKey, id);
    return closed === 1 ? this.get(id) : undefined;
  }

  async setDisputeId(id: string, disputeId: string): Promise<void> {
    await this.client.hset(this.keys(id)[0], 'disputeId', disputeId);
  }

  async waitingSince(queuedBefore: Date): Promise<string[]> {
    const ids = await this.client.zrangebyscore(this.queueKey, '-inf', queuedBefore.getTime());
    const statuses = await Promise.all(ids.map((id) => this.client.hget(this.keys(id)[0], 'status')));
    return ids.filter((_id, index) => statuses[index] === 'waiting');
  }

  async claimTimeoutNotice(id: string, at: string): Promise<HandoffCase | undefined> {
    const claimed = await CLAIM_TIMEOUT_NOTICE.run(this.client, [this.keys(id)[0]], [at]);
    return claimed === 1 ? this.get(id) : undefined;
  }

  async appendMessage(id: string, message: Omit<CaseMessage, 'seq'>): Promise<number | undefined> {
    const seq = await APPEND_MESSAGE.run(this.client, this.keys(id), [
      JSON.stringify(message),
      String(this.options.maxMessagesPerCase),
      this.ttl,
    ]);
    return typeof seq === 'number' && seq > 0 ? seq : undefined;
  }

  async messagesAfter(id: string, afterSeq: number): Promise<CaseMessage[]> {
    const raw = await this.client.lrange(this.keys(id)[1], 0, -1);
    return raw.map((entry) => JSON.parse(entry) as CaseMessage).filter((message) => message.seq > afterSeq);
  }
}

const STATUSES: ReadonlySet<string> = new Set<HandoffStatus>(['waiting', 'accepted', 'closed']);

function parseCase(fields: Record<string, string>): HandoffCase | undefined {
  if (!fields.data || !STATUSES.has(fields.status)) return undefined;
  const fixed = JSON.parse(fields.data) as NewHandoffCase;
  return {
    ...fixed,
    status: fields.status as HandoffStatus,
    agentId: fields.agentId,
    acceptedAt: fields.acceptedAt,
    closedAt: fields.closedAt,
    endedBy: fields.endedBy as HandoffEnd | undefined,
    disputeId: fields.disputeId,
    timeoutNotifiedAt: fields.timeoutNotifiedAt,
  };
}
