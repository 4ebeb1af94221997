import Redis from 'ioredis';
import { InMemoryOutcomeStore } from '../../src/services/analytics/InMemoryOutcomeStore';
import { RedisOutcomeStore } from '../../src/services/analytics/RedisOutcomeStore';
import type { StoredOutcome } from '../../src/services/analytics/outcomeEvent';
import type { OutcomeRetention, OutcomeStore } from '../../src/services/analytics/OutcomeStore';
import { PrivateRedis } from '../support/privateRedis';

const RETENTION: OutcomeRetention = { outcomeDays: 2, notUnderstoodDays: 1, maxPerDay: 3 };
const TODAY = new Date().toISOString().slice(0, 10);

const notUnderstood = (n: number): StoredOutcome => ({
  kind: 'not_understood',
  guessedIntent: 'eligibility',
  score: 0.4,
  text: `masked message ${n}`,
  at: new Date(Date.now() + n).toISOString(),
  session: 'abc',
  channel: 'slack',
});

describe.each(['memory', 'redis'] as const)('the %s outcome store', (mode) => {
  let redis: PrivateRedis | undefined;
  let client: Redis | undefined;
  const storeWith = (retention: OutcomeRetention): OutcomeStore =>
    client
      ? new RedisOutcomeStore(client, `t${Math.random().toString(36).slice(2)}`, retention)
      : new InMemoryOutcomeStore(retention);

  beforeAll(async () => {
    if (mode === 'redis') {
      redis = await PrivateRedis.start();
      client = new Redis(redis.url);
    }
  });
  afterAll(async () => {
    client?.disconnect();
    await redis?.destroy();
  });

  it('keeps the newest entries of a day up to the bound, and not-understood texts apart from the outcomes', async () => {
    const store = storeWith(RETENTION);
    await store.append([1, 2, 3, 4].map(notUnderstood));
    await store.append([notUnderstood(5)]);
    const outcomes = await store.outcomesOn([TODAY]);
    expect(outcomes).toHaveLength(3);
    expect(outcomes.every((outcome) => !('text' in outcome))).toBe(true);
    const texts = (await store.notUnderstoodOn([TODAY])).map((entry) => entry.text);
    expect(texts).toEqual(['masked message 5', 'masked message 4', 'masked message 3']);
  });

  it('keeps no not-understood text when its retention is 0', async () => {
    const store = storeWith({ ...RETENTION, notUnderstoodDays: 0 });
    await store.append([notUnderstood(1)]);
    expect(await store.outcomesOn([TODAY])).toHaveLength(1);
    expect(await store.notUnderstoodOn([TODAY])).toEqual([]);
  });

  if (mode === 'redis')
    it('lets every key expire, under one hash tag', async () => {
      const prefix = 'ttl-check';
      const store = new RedisOutcomeStore(client as Redis, prefix, RETENTION);
      await store.append([notUnderstood(1)]);
      const keys = (await (client as Redis).keys(`{${prefix}:analytics}:*`)).sort();
      expect(keys).toEqual([
        `{${prefix}:analytics}:not-understood:${TODAY}`,
        `{${prefix}:analytics}:outcomes:${TODAY}`,
      ]);
      const [textTtl, outcomeTtl] = await Promise.all(keys.map((key) => (client as Redis).ttl(key)));
      expect(textTtl).toBeGreaterThan(0);
      expect(textTtl).toBeLessThanOrEqual(24 * 60 * 60);
      expect(outcomeTtl).toBeGreaterThan(2 * 24 * 60 * 60);
      expect(outcomeTtl).toBeLessThanOrEqual(3 * 24 * 60 * 60);
    });

  if (mode === 'memory')
    it('drops days older than the retention', async () => {
      let now = new Date(`${TODAY}T12:00:00Z`);
      const store = new InMemoryOutcomeStore(RETENTION, () => now);
      await store.append([{ ...notUnderstood(1), at: now.toISOString() }]);
      now = new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000);
      expect(await store.outcomesOn([TODAY])).toEqual([]);
      expect(await store.notUnderstoodOn([TODAY])).toEqual([]);
    });
});
