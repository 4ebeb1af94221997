import Redis from 'ioredis';
import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';
import { BotConversation } from '../support/botConversation';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import type { NotUnderstoodEntry } from '../../src/services/analytics/OutcomeStore';
import { CANNOT_HANDLE, CLARIFIED, RATING_COMMENT, seedConversations } from './support/seedConversations';

/** Everything personal the seeded users typed: none of it may be kept. */
const PERSONAL = [
  'Jonathan',
  '$45',
  '07700 900123',
  'jo@x.org',
  'Maria',
  'Lopez',
  'maria.lopez@example.com',
  '555-123-4567',
  'FPD-7KQ2M9XH4C',
  '1,200',
  'Priya',
  'priya@studio.example',
  '+1 415 555 0199',
  '€2,500',
  'contract #77812',
  // Ids of users and conversations (BotConversation makes them "conv-…" and "user-conv-…").
  'conv-',
  'user-',
];

describe('no personal data in what the support team sees', () => {
  let redis: PrivateRedis;
  let channel: ChannelEndpoint;
  let running: RunningApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET, REDIS_URL: redis.url });
    await seedConversations(running.baseUrl, channel);
    // A second comment, on Slack, with other kinds of personal data.
    const another = new BotConversation(running.baseUrl, { channelId: 'slack' });
    for (const text of ['what is mediation', 'thanks', '3']) await another.send(text);
    await another.send(
      'Ask Priya at priya@studio.example or +1 415 555 0199 about the €2,500 on contract #77812',
    );
  });

  afterAll(async () => {
    await running?.stop();
    await channel?.stop();
    await redis?.destroy();
  });

  it('keeps every outcome, rating and not-understood entry in Redis masked', async () => {
    const client = new Redis(redis.url);
    try {
      const keys = await client.keys('{fpp:analytics}:*');
      expect(keys.some((key) => key.includes(':outcomes:'))).toBe(true);
      expect(keys.some((key) => key.includes(':not-understood:'))).toBe(true);
      const stored = (await Promise.all(keys.map((key) => client.lrange(key, 0, -1)))).flat();
      const everything = stored.join('\n');
      for (const personal of PERSONAL) expect(everything).not.toContain(personal);
      // The texts are there, masked: the comment and both kinds of not-understood message.
      expect(everything).toContain('[email]');
      expect(everything).toContain('[phone]');
      expect(everything).toContain('[amount]');
      expect(everything).toContain('[reference]');
      expect(everything).toContain('[name]');
      expect(stored.filter((entry) => entry.includes('"kind":"csat_comment"'))).toHaveLength(2);
    } finally {
      client.disconnect();
    }
  });

  it('lists the messages not understood for supervisors, masked, with the guessed intent', async () => {
    const supervisor = await AgentApi.as(running.baseUrl, 'supervisor');
    const { status, body } = await supervisor.get<{ messages: NotUnderstoodEntry[] }>(
      '/api/agent/not-understood',
    );
    expect(status).toBe(200);
    const texts = body.messages.map((entry) => entry.text);
    expect(texts).toHaveLength(2);
    expect(texts).toContain('can you bake a cake for [name], [amount], phone [phone], [email]');
    expect(texts).toContain(CANNOT_HANDLE.replace('Paris', '[name]'));
    for (const entry of body.messages) {
      expect(entry.guessedIntent).toMatch(/^[a-z_]+$/);
      expect(entry.score).toBeGreaterThanOrEqual(0);
      for (const personal of PERSONAL) expect(entry.text).not.toContain(personal);
    }
    expect(body.messages.find((entry) => entry.text.startsWith('the weather'))?.guessedIntent).toBe(
      'out_of_scope',
    );
    expect(CLARIFIED).toContain('Jonathan');
    expect(RATING_COMMENT).toContain('Maria');
  });

  it('keeps no not-understood text at all when NOT_UNDERSTOOD_RETENTION_DAYS is 0, and still counts them', async () => {
    const off = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET, NOT_UNDERSTOOD_RETENTION_DAYS: '0' });
    try {
      await new BotConversation(off.baseUrl).send(CLARIFIED);
      const supervisor = await AgentApi.as(off.baseUrl, 'supervisor');
      const listed = await supervisor.get<{ messages: NotUnderstoodEntry[] }>('/api/agent/not-understood');
      expect(listed.body.messages).toEqual([]);
      const figures = await supervisor.get<{ totals: { notUnderstood: number } }>('/api/agent/analytics');
      expect(figures.body.totals.notUnderstood).toBe(1);
    } finally {
      await off.stop();
    }
  });
});
