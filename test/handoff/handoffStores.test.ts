import Redis from 'ioredis';
import type { HandoffStore } from '../../src/services/handoff/HandoffStore';
import type { NewHandoffCase } from '../../src/services/handoff/handoffCase';
import { InMemoryHandoffStore } from '../../src/services/handoff/InMemoryHandoffStore';
import { InMemoryTranscriptStore } from '../../src/services/handoff/InMemoryTranscriptStore';
import { RedisHandoffStore } from '../../src/services/handoff/RedisHandoffStore';
import { RedisTranscriptStore } from '../../src/services/handoff/RedisTranscriptStore';
import type { TranscriptStore } from '../../src/services/handoff/TranscriptStore';
import { PrivateRedis } from '../support/privateRedis';

const MAX_MESSAGES = 3;

function newCase(id: string, queuedAt = '2026-11-20T10:00:00.000Z'): NewHandoffCase {
  return {
    id,
    channelId: 'webchat',
    ownerId: `webchat:user-${id}`,
    summary: { reason: 'asked_for_person' },
    reference: { conversation: { id, isGroup: false, conversationType: '', name: '' } },
    queuedAt,
  };
}

let redisServer: PrivateRedis;
let client: Redis;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  client = new Redis(redisServer.url);
});
afterAll(async () => {
  await client?.quit();
  await redisServer?.destroy();
});

const stores: Array<[string, () => HandoffStore]> = [
  ['in memory', () => new InMemoryHandoffStore(MAX_MESSAGES)],
  [
    'in Redis',
    () =>
      new RedisHandoffStore(client, {
        prefix: `t${Math.random().toString(36).slice(2)}`,
        caseTtlSeconds: 3600,
        maxMessagesPerCase: MAX_MESSAGES,
      }),
  ],
];

describe.each(stores)('the hand-off queue %s', (_name, makeStore) => {
  let store: HandoffStore;
  beforeEach(() => {
    store = makeStore();
  });

  it('keeps one open case per conversation, and a new one once it is closed', async () => {
    expect(await store.enqueue(newCase('c1'))).toBe(true);
    expect(await store.enqueue(newCase('c1'))).toBe(false);
    expect((await store.listOpen()).map((item) => item.id)).toEqual(['c1']);
    expect(await store.close('c1', 'left_queue', '2026-11-20T10:05:00.000Z')).toMatchObject({
      status: 'closed',
      endedBy: 'left_queue',
    });
    expect(await store.close('c1', 'closed', '2026-11-20T10:06:00.000Z')).toBeUndefined();
    expect(await store.listOpen()).toEqual([]);
    expect(await store.enqueue(newCase('c1'))).toBe(true);
  });

  it('lists open cases oldest first', async () => {
    await store.enqueue(newCase('late', '2026-11-20T10:09:00.000Z'));
    await store.enqueue(newCase('early', '2026-11-20T10:01:00.000Z'));
    expect((await store.listOpen()).map((item) => item.id)).toEqual(['early', 'late']);
  });

  it('lets exactly one of two agents accepting at once have the case', async () => {
    await store.enqueue(newCase('c2'));
    const results = await Promise.all(
      ['alice', 'bob'].map((agent) => store.accept('c2', agent, '2026-11-20T10:01:00.000Z')),
    );
    expect(results.filter((result) => result.accepted)).toHaveLength(1);
    expect(results.find((result) => !result.accepted)).toMatchObject({ reason: 'taken' });
    const winner = (await store.get('c2'))?.agentId as string;
    expect(await store.accept('c2', winner, '2026-11-20T10:02:00.000Z')).toMatchObject({
      accepted: true,
      newly: false,
    });
    expect(await store.accept('nope', 'alice', '2026-11-20T10:02:00.000Z')).toMatchObject({
      accepted: false,
      reason: 'not_found',
    });
  });

  it('grants the timeout notice once, and only while the case waits', async () => {
    await store.enqueue(newCase('c3'));
    await store.enqueue(newCase('c4'));
    expect(await store.waitingSince(new Date('2026-11-20T10:00:00.000Z'))).toEqual(
      expect.arrayContaining(['c3', 'c4']),
    );
    expect(await store.waitingSince(new Date('2026-11-20T09:59:59.000Z'))).toEqual([]);
    const claims = await Promise.all(
      Array.from({ length: 5 }, () => store.claimTimeoutNotice('c3', '2026-11-20T10:10:00.000Z')),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    await store.accept('c4', 'alice', '2026-11-20T10:01:00.000Z');
    expect(await store.claimTimeoutNotice('c4', '2026-11-20T10:10:00.000Z')).toBeUndefined();
    expect(await store.waitingSince(new Date('2026-11-20T11:00:00.000Z'))).toEqual(['c3']);
  });

  it('numbers messages and keeps only the newest ones', async () => {
    await store.enqueue(newCase('c5'));
    for (let index = 1; index <= 5; index += 1)
      expect(
        await store.appendMessage('c5', { at: '2026-11-20T10:00:00.000Z', from: 'user', text: `m${index}` }),
      ).toBe(index);
    expect((await store.messagesAfter('c5', 0)).map((m) => [m.seq, m.text])).toEqual([
      [3, 'm3'],
      [4, 'm4'],
      [5, 'm5'],
    ]);
    expect((await store.messagesAfter('c5', 4)).map((m) => m.text)).toEqual(['m5']);
    expect(
      await store.appendMessage('missing', { at: '2026-11-20T10:00:00.000Z', from: 'user', text: 'x' }),
    ).toBeUndefined();
  });
});

describe('transcripts are bounded and expire', () => {
  const entry = (text: string) => ({ role: 'user' as const, text, at: '2026-11-20T10:00:00.000Z' });

  it.each<[string, () => TranscriptStore]>([
    ['in memory', () => new InMemoryTranscriptStore(3, 60)],
    [
      'in Redis',
      () =>
        new RedisTranscriptStore(client, {
          prefix: `tr${Math.random().toString(36).slice(2)}`,
          maxEntries: 3,
          ttlSeconds: 60,
        }),
    ],
  ])('%s: only the newest lines are kept', async (_name, make) => {
    const transcripts = make();
    await transcripts.append('conv', [entry('1'), entry('2')]);
    await transcripts.append('conv', [entry('3'), entry('4')]);
    expect((await transcripts.read('conv')).map((line) => line.text)).toEqual(['2', '3', '4']);
    expect(await transcripts.read('other')).toEqual([]);
  });

  it('in Redis the list carries the configured time to live', async () => {
    const prefix = `ttl${Math.random().toString(36).slice(2)}`;
    await new RedisTranscriptStore(client, { prefix, maxEntries: 3, ttlSeconds: 60 }).append('conv', [
      entry('x'),
    ]);
    const [key] = await client.keys(`${prefix}:transcript:*`);
    const ttl = await client.ttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('in memory a transcript is gone once its time to live has passed', async () => {
    let now = Date.parse('2026-11-20T10:00:00.000Z');
    const transcripts = new InMemoryTranscriptStore(10, 60, () => now);
    await transcripts.append('conv', [entry('x')]);
    now += 59_000;
    expect(await transcripts.read('conv')).toHaveLength(1);
    now += 2_000;
    expect(await transcripts.read('conv')).toEqual([]);
  });
});
