import Redis from 'ioredis';
import type { ConversationLog } from '../../src/channels/directline/ConversationLog';
import { InMemoryConversationLog } from '../../src/channels/directline/InMemoryConversationLog';
import { RedisConversationLog } from '../../src/channels/directline/RedisConversationLog';
import { PrivateRedis } from '../support/privateRedis';

const record = (id: string) => ({ id, user: { id: 'anon:someone' }, tokenHash: 'ab'.repeat(32) });
const message = (n: number) => ({ type: 'message', text: `message ${n}` });

/** The contract both logs keep: ids from positions, watermarks, the bound, greeting once. */
function conformance(name: string, makeLog: (maxActivities: number) => Promise<ConversationLog>) {
  describe(name, () => {
    it('hands out activities after a watermark, with ids that follow their position', async () => {
      const log = await makeLog(500);
      await log.create(record('conversation-aaaaaaaaaa'));
      for (let n = 0; n < 3; n++) await log.append('conversation-aaaaaaaaaa', message(n));
      const all = await log.readAfter('conversation-aaaaaaaaaa', 0);
      expect(all?.watermark).toBe(3);
      expect(all?.activities.map((a) => a.id)).toEqual([
        'conversation-aaaaaaaaaa|0000000',
        'conversation-aaaaaaaaaa|0000001',
        'conversation-aaaaaaaaaa|0000002',
      ]);
      const later = await log.readAfter('conversation-aaaaaaaaaa', 2);
      expect(later?.activities.map((a) => a.text)).toEqual(['message 2']);
      expect((await log.readAfter('conversation-aaaaaaaaaa', 3))?.activities).toEqual([]);
    });

    it('keeps only the newest activities once the bound is reached', async () => {
      const log = await makeLog(5);
      await log.create(record('conversation-bbbbbbbbbb'));
      for (let n = 0; n < 12; n++) await log.append('conversation-bbbbbbbbbb', message(n));
      const page = await log.readAfter('conversation-bbbbbbbbbb', 0);
      expect(page?.watermark).toBe(12);
      expect(page?.activities.map((a) => a.text)).toEqual([7, 8, 9, 10, 11].map((n) => `message ${n}`));
      expect(page?.activities[0].id).toBe('conversation-bbbbbbbbbb|0000007');
    });

    it('knows nothing of a conversation it never created', async () => {
      const log = await makeLog(5);
      expect(await log.find('conversation-unknown00')).toBeUndefined();
      expect(await log.append('conversation-unknown00', message(0))).toBeUndefined();
      expect(await log.readAfter('conversation-unknown00', 0)).toBeUndefined();
    });

    it('lets only the first start greet', async () => {
      const log = await makeLog(5);
      await log.create(record('conversation-cccccccccc'));
      expect(await log.markStarted('conversation-cccccccccc')).toBe(true);
      expect(await log.markStarted('conversation-cccccccccc')).toBe(false);
    });
  });
}

describe('conversation logs', () => {
  let redis: PrivateRedis;
  const clients: Redis[] = [];
  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await redis.stop();
  });

  conformance(
    'in memory',
    async (maxActivities) => new InMemoryConversationLog({ idleTtlSeconds: 60, maxActivities }),
  );
  conformance('in Redis', async (maxActivities) => {
    const client = new Redis(redis.url);
    clients.push(client);
    await client.flushall();
    return new RedisConversationLog(client, { keyPrefix: 'dltest', idleTtlSeconds: 60, maxActivities });
  });

  it('forgets an idle conversation after the TTL (in memory)', async () => {
    let now = 1_000_000;
    const log = new InMemoryConversationLog({ idleTtlSeconds: 60, now: () => now });
    await log.create(record('conversation-dddddddddd'));
    now += 59_000;
    await log.append('conversation-dddddddddd', message(0)); // activity keeps it alive
    now += 59_000;
    expect(await log.find('conversation-dddddddddd')).toBeDefined();
    now += 2_000;
    expect(await log.find('conversation-dddddddddd')).toBeUndefined();
  });

  it('forgets an idle conversation after the TTL (Redis), and each activity renews it', async () => {
    const client = new Redis(redis.url);
    clients.push(client);
    const log = new RedisConversationLog(client, { keyPrefix: 'dlttl', idleTtlSeconds: 1 });
    await log.create(record('conversation-eeeeeeeeee'));
    await log.append('conversation-eeeeeeeeee', message(0));
    const keys = await client.keys('dlttl:dl:*');
    expect(keys.sort()).toEqual([
      'dlttl:dl:{conversation-eeeeeeeeee}:log',
      'dlttl:dl:{conversation-eeeeeeeeee}:meta',
    ]);
    for (const key of keys) expect(await client.pttl(key)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await log.find('conversation-eeeeeeeeee')).toBeUndefined();
    expect(await client.keys('dlttl:dl:*')).toEqual([]);
  });
});
