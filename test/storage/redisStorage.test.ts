import Redis from 'ioredis';
import { RedisStorage } from '../../src/services/persistence/redis/RedisStorage';
import { PrivateRedis } from '../support/privateRedis';
import { describeStorageContract } from './storageConformance';

let server: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  server = await PrivateRedis.start();
  redis = new Redis(server.url, { enableAutoPipelining: true });
});

afterAll(async () => {
  redis.disconnect();
  await server.destroy();
});

const options = { keyPrefix: 'test', conversationTtlSeconds: 600 };

describeStorageContract('RedisStorage', () => new RedisStorage(redis, options));

describe('RedisStorage on a real Redis', () => {
  it('lets exactly one of two writers racing with the same eTag win', async () => {
    const clients = [new Redis(server.url), new Redis(server.url)];
    const [writerA, writerB] = clients.map((client) => new RedisStorage(client, options));
    const key = 'webchat/conversations/raced/';
    await writerA.write({ [key]: { owner: 'nobody' } });
    for (let round = 0; round < 20; round++) {
      const { eTag } = (await writerA.read([key]))[key];
      const outcomes = await Promise.allSettled([
        writerA.write({ [key]: { owner: 'A', round, eTag } }),
        writerB.write({ [key]: { owner: 'B', round, eTag } }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const winner = outcomes[0].status === 'fulfilled' ? 'A' : 'B';
      expect((await writerA.read([key]))[key]).toMatchObject({ owner: winner, round });
    }
    clients.forEach((client) => client.disconnect());
  });

  it('keeps keys under the prefix, hash-tagged by conversation, with a TTL on conversation state only', async () => {
    const storage = new RedisStorage(redis, { keyPrefix: 'tenant-a', conversationTtlSeconds: 120 });
    await storage.write({
      'msteams/conversations/19:abc@thread/DialogState': { a: 1 },
      'msteams/conversations/19:abc@thread/': { b: 2 },
      'msteams/users/29:user/': { c: 3 },
    });
    const keys = (await redis.keys('tenant-a:*')).sort();
    expect(keys).toEqual([
      'tenant-a:state:{msteams/conversations/19:abc@thread}/',
      'tenant-a:state:{msteams/conversations/19:abc@thread}/DialogState',
      'tenant-a:state:{msteams/users/29:user}/',
    ]);
    const ttl = await redis.ttl('tenant-a:state:{msteams/conversations/19:abc@thread}/');
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(120);
    expect(await redis.ttl('tenant-a:state:{msteams/users/29:user}/')).toBe(-1);
  });

  it('writes a turn with one script call and reads it with one MGET', async () => {
    const storage = new RedisStorage(redis, options);
    const keys = [
      'webchat/conversations/rt/',
      'webchat/conversations/rt/DialogState',
      'webchat/users/rt-user/',
    ];
    await storage.write({ [keys[0]]: { n: 1 } }); // loads the script once, outside the count
    const before = await commandCalls(redis);
    await storage.write({ [keys[0]]: { n: 2 }, [keys[1]]: { n: 3 }, [keys[2]]: { n: 4 } });
    await storage.read(keys);
    const after = await commandCalls(redis);
    expect((after.get('evalsha') ?? 0) - (before.get('evalsha') ?? 0)).toBe(1);
    expect((after.get('mget') ?? 0) - (before.get('mget') ?? 0)).toBe(1);
  });
});

describe('RedisStorage read coalescing', () => {
  it('gathers reads issued together (conversation and user state) into one MGET, each caller getting its own copy', async () => {
    const storage = new RedisStorage(redis, options);
    await storage.write({ 'webchat/conversations/co/': { step: 1 }, 'webchat/users/co-user/': { on: true } });
    const before = await commandCalls(redis);
    const [conversation, user, again] = await Promise.all([
      storage.read(['webchat/conversations/co/']),
      storage.read(['webchat/users/co-user/']),
      storage.read(['webchat/conversations/co/']),
    ]);
    const after = await commandCalls(redis);
    expect((after.get('mget') ?? 0) - (before.get('mget') ?? 0)).toBe(1);
    expect(conversation['webchat/conversations/co/']).toMatchObject({ step: 1 });
    expect(user['webchat/users/co-user/']).toMatchObject({ on: true });
    expect(Object.keys(user)).toEqual(['webchat/users/co-user/']);
    expect(again['webchat/conversations/co/']).not.toBe(conversation['webchat/conversations/co/']);
  });
});

async function commandCalls(client: Redis): Promise<Map<string, number>> {
  const info = await client.info('commandstats');
  return new Map(
    [...info.matchAll(/cmdstat_(\w+):calls=(\d+)/g)].map((match) => [match[1], Number(match[2])]),
  );
}
