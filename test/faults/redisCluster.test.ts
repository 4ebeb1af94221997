import { ConversationState, TurnContext, UserState } from 'botbuilder';
import type { Cluster } from 'ioredis';
import { createLogger } from '../../src/services/logging/logger';
import { RedisDisputeStore } from '../../src/services/disputes/RedisDisputeStore';
import { DisputeService } from '../../src/services/disputes/DisputeService';
import { RedisSeenActivities } from '../../src/services/persistence/redis/RedisSeenActivities';
import { StorageGuard } from '../../src/services/resilience/StorageGuard';
import { SharedRateLimiter } from '../../src/services/resilience/SharedRateLimiter';
import { UserRateLimit } from '../../src/services/resilience/UserRateLimit';
import { ReadVersionStorage } from '../../src/services/resilience/ReadVersionStorage';
import { RedisStorage } from '../../src/services/persistence/redis/RedisStorage';
import { ETagConflictError } from '../../src/services/storage/ETagConflictError';
import { describeDisputeServiceContract } from '../disputes/support/disputeServiceContract';
import { describeStorageContract } from '../storage/storageConformance';
import { PrivateRedisCluster } from './support/privateRedisCluster';

/**
 * Storage and the dispute service on a real three-master Redis Cluster: every multi-key command
 * stays inside one hash slot (no CROSSSLOT), and the data really is spread over the masters.
 */

let redisCluster: PrivateRedisCluster;
let cluster: Cluster;
let prefixNumber = 0;
const nextPrefix = () => `cl${(prefixNumber += 1)}`;

beforeAll(async () => {
  redisCluster = await PrivateRedisCluster.start();
  cluster = redisCluster.client();
}, 30000);

afterAll(async () => {
  cluster?.disconnect();
  await redisCluster?.destroy();
});

describeStorageContract(
  'RedisStorage on a 3-master cluster',
  () => new RedisStorage(cluster, { keyPrefix: nextPrefix(), conversationTtlSeconds: 600 }),
);

describeDisputeServiceContract('a 3-master Redis Cluster', async () => ({
  store: new RedisDisputeStore(cluster, nextPrefix()),
  close: async () => undefined,
}));

/** A turn context just rich enough for botbuilder's state keys. */
function contextFor(conversationId: string, userId: string): TurnContext {
  return {
    activity: { channelId: 'webchat', conversation: { id: conversationId }, from: { id: userId } },
    turnState: new Map(),
  } as unknown as TurnContext;
}

describe('bot state on the cluster', () => {
  it('saves and reloads conversation and user state of many conversations, spread over all masters', async () => {
    const keyPrefix = nextPrefix();
    const storage = new ReadVersionStorage(
      new RedisStorage(cluster, { keyPrefix, conversationTtlSeconds: 600 }),
    );
    const conversationState = new ConversationState(storage);
    const userState = new UserState(storage);
    const step = conversationState.createProperty<number>('step');
    const visits = userState.createProperty<number>('visits');
    for (let index = 0; index < 60; index += 1) {
      const context = contextFor(`conversation-${index}`, `user-${index}`);
      await Promise.all([conversationState.load(context), userState.load(context)]);
      await step.set(context, index);
      await visits.set(context, index * 2);
      await Promise.all([conversationState.saveChanges(context), userState.saveChanges(context)]);
    }
    for (const index of [0, 17, 59]) {
      const context = contextFor(`conversation-${index}`, `user-${index}`);
      await Promise.all([conversationState.load(context), userState.load(context)]);
      expect(await step.get(context)).toBe(index);
      expect(await visits.get(context)).toBe(index * 2);
    }
    const perNode = await redisCluster.keysPerNode(`${keyPrefix}:state:*`);
    expect(perNode.reduce((sum, count) => sum + count, 0)).toBe(120);
    expect(perNode.every((count) => count > 0)).toBe(true);
  });

  it("refuses a save over another turn's newer write with an eTag conflict", async () => {
    const storage = new ReadVersionStorage(
      new RedisStorage(cluster, { keyPrefix: nextPrefix(), conversationTtlSeconds: 600 }),
    );
    const state = new ConversationState(storage);
    const step = state.createProperty<number>('step');
    const seed = contextFor('raced', 'u');
    await state.load(seed);
    await step.set(seed, 1);
    await state.saveChanges(seed);

    const [early, late] = [contextFor('raced', 'u'), contextFor('raced', 'u')];
    await Promise.all([state.load(early), state.load(late)]);
    await step.set(early, 2);
    await step.set(late, 3);
    await state.saveChanges(early);
    await expect(state.saveChanges(late)).rejects.toBeInstanceOf(ETagConflictError);
  });
});

describe('dedupe and disputes on the cluster', () => {
  const guard = new StorageGuard(
    { timeoutMs: 2000, consecutiveFailures: 3, halfOpenAfterMs: 1000 },
    createLogger('silent'),
  );

  it('remembers seen activities across the masters', async () => {
    const seen = new RedisSeenActivities(cluster, nextPrefix(), 60, guard);
    const keys = Array.from({ length: 30 }, (_, index) => `activity-${index}`);
    expect(await Promise.all(keys.map((key) => seen.markSeen(key)))).toEqual(keys.map(() => true));
    expect(await Promise.all(keys.map((key) => seen.markSeen(key)))).toEqual(keys.map(() => false));
  });

  it("counts each user's messages in the shared rate limit", async () => {
    const limit = new UserRateLimit(
      new SharedRateLimiter(
        { points: 3, durationSeconds: 60, keyPrefix: `${nextPrefix()}:ratelimit` },
        { redis: cluster, guard },
      ),
      createLogger('silent'),
    );
    const sent: string[] = [];
    const passed: string[] = [];
    for (const user of ['ana', 'ben', 'cy']) {
      for (let message = 0; message < 5; message += 1) {
        const context = {
          activity: { type: 'message', channelId: 'webchat', from: { id: user }, conversation: { id: user } },
          sendActivity: async (text: string) => sent.push(`${user}: ${text}`),
          turnState: new Map(),
        } as unknown as TurnContext;
        await limit.onTurn(context, async () => {
          passed.push(user);
        });
      }
    }
    expect(passed).toEqual(['ana', 'ana', 'ana', 'ben', 'ben', 'ben', 'cy', 'cy', 'cy']);
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^ana: You're sending messages faster than I can read them/);
  });

  it('files, lists and updates disputes of many owners, spread over the masters', async () => {
    const prefix = nextPrefix();
    const service = new DisputeService({ store: new RedisDisputeStore(cluster, prefix) });
    const claim = {
      agreed: 'A logo',
      delivered: 'The logo files',
      amount: { value: 100, currency: 'USD' },
      evidence: [],
      statement: 'Delivered and approved.',
    };
    const filed = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        service.fileDispute({
          ownerId: `webchat:user-${index}`,
          idempotencyKey: 'k',
          contractKind: 'ended',
          claim,
        }),
      ),
    );
    for (const [index, { dispute }] of filed.entries()) {
      expect((await service.listForOwner(`webchat:user-${index}`)).map((d) => d.id)).toEqual([dispute.id]);
      await service.addDetail(`webchat:user-${index}`, dispute.id, 'More proof');
    }
    const perNode = await redisCluster.keysPerNode(`${prefix}:dispute:*`);
    expect(perNode.reduce((sum, count) => sum + count, 0)).toBe(24);
    expect(perNode.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
  });
});
