import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { residentMb } from './support/attack';
import { DirectLineVisitor } from './support/directLineVisitor';

/**
 * Floods against a real server process and its Redis: rotating user ids from one address, opening
 * conversation after conversation, posting into one conversation without pause, asking for a
 * person from conversation after conversation. Each hits its limit (429 with Retry-After, or one
 * hand-off case), and the process's memory and Redis stay bounded while it happens.
 *
 * The process trusts one proxy hop, so each test can speak from its own client address through
 * X-Forwarded-For (the proxy's view), and the limits of one test do not spill into another.
 */

let redis: PrivateRedis;
let bot: BotProcess;
let redisClient: Redis;

const LIMITS = {
  CLIENT_RATE_LIMIT_POINTS: '10',
  CONVERSATION_START_LIMIT_POINTS: '6',
  DIRECTLINE_ACTIVITY_LIMIT_POINTS: '8',
};

beforeAll(async () => {
  redis = await PrivateRedis.start();
  redisClient = new Redis(redis.url);
  bot = await BotProcess.start({
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'floods',
    AGENT_JWT_SECRET: AGENT_SECRET,
    TRUSTED_PROXY_HOPS: '1',
    ...LIMITS,
  });
}, 60000);

afterAll(async () => {
  await bot?.stop();
  redisClient?.disconnect();
  await redis?.destroy();
});

let addressCount = 0;
/** A client address of its own, as the trusted proxy reports it. */
function fromNewAddress(): Record<string, string> {
  addressCount += 1;
  return { 'x-forwarded-for': `203.0.113.${addressCount}` };
}

function postMessage(
  headers: Record<string, string>,
  fields: Record<string, unknown> = {},
): Promise<Response> {
  return fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      type: 'message',
      text: 'what is mediation?',
      channelId: 'webchat',
      deliveryMode: 'expectReplies',
      conversation: { id: `conv-${randomUUID()}` },
      from: { id: `rotating-${randomUUID()}` },
      recipient: { id: 'bot' },
      ...fields,
    }),
  });
}

async function redisUsedMb(): Promise<number> {
  const info = await redisClient.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1]) / 1024 / 1024;
}

describe('floods from one address', () => {
  it('rotating user ids on /api/messages: the address limit answers 429 with Retry-After; another address is served', async () => {
    const address = fromNewAddress();
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let request = 0; request < 15; request += 1) {
      const response = await postMessage(address);
      statuses.push(response.status);
      if (response.status === 429) refused ??= response;
      else await response.arrayBuffer();
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual(Array(5).fill(429));
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused?.json()).toEqual({
      error: 'too_many_requests',
      message: expect.stringMatching(/Too many messages from your address\. Please wait \d+ seconds\./),
    });
    expect((await postMessage(fromNewAddress())).status).toBe(200);
  });

  it('opening conversation after conversation: tokens/generate answers 429 once the address has opened its share', async () => {
    const address = fromNewAddress();
    // Each visitor spends two: a token, then its conversation.
    for (let visitor = 0; visitor < 3; visitor += 1) await DirectLineVisitor.open(bot.baseUrl, address);
    const refused = await fetch(`${bot.baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...address },
      body: JSON.stringify({ anonymousId: `visitor-${randomUUID()}` }),
    });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('TooManyRequests');
    await expect(DirectLineVisitor.open(bot.baseUrl, fromNewAddress())).resolves.toBeDefined();
  });

  it('posting into one Direct Line conversation without pause: capped per conversation', async () => {
    const visitor = await DirectLineVisitor.open(bot.baseUrl, fromNewAddress());
    const answers = [];
    for (let post = 0; post < 10; post += 1) answers.push(await visitor.post({ type: 'typing' }));
    expect(answers.slice(0, 8).map((answer) => answer.status)).toEqual(Array(8).fill(200));
    expect(answers[8].status).toBe(429);
    expect(Number(answers[8].retryAfter)).toBeGreaterThan(0);
    expect(JSON.stringify(answers[8].body)).toMatch(/posting too fast/);
  });
});

describe('one open hand-off case per user', () => {
  it('a second request from another conversation is told it is already queued; the queue holds one case', async () => {
    const userId = `asks-often-${randomUUID()}`;
    const first = new BotConversation(bot.baseUrl, { channelId: 'webchat', userId });
    expect(textOf(await first.send('I want to talk to a real person'))).toMatch(/in the queue/);
    for (let again = 0; again < 5; again += 1) {
      const another = new BotConversation(bot.baseUrl, { channelId: 'webchat', userId });
      const replies = await another.send('I want to talk to a real person');
      expect(textOf(replies)).toMatch(/already in the queue .* from another conversation/);
      expect(replies.some((reply) => reply.name === 'handoff.initiate')).toBe(false);
    }
    const agent = await AgentApi.as(bot.baseUrl, 'agent', 'alice');
    const queue = await agent.get<{ cases: Array<{ id: string }> }>('/api/agent/queue');
    expect(queue.body.cases.filter((item) => item.id === first.conversationId)).toHaveLength(1);
    expect(queue.body.cases).toHaveLength(1);
  });
});

describe('memory and Redis stay bounded under a flood', () => {
  it('300 posts with 15 KB values from one address: RSS grows under 50 MB, Redis under 5 MB', async () => {
    const address = fromNewAddress();
    const rssBefore = residentMb(bot.pid);
    const redisBefore = await redisUsedMb();
    const value = { note: 'v'.repeat(15 * 1024) };
    const statuses: Record<number, number> = {};
    for (let batch = 0; batch < 30; batch += 1) {
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => postMessage(address, { type: 'event', name: 'flood', value })),
      );
      for (const response of responses) {
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        await response.arrayBuffer();
      }
    }
    expect(statuses[429]).toBeGreaterThanOrEqual(290);
    expect(residentMb(bot.pid) - rssBefore).toBeLessThan(50);
    expect((await redisUsedMb()) - redisBefore).toBeLessThan(5);
  });
});
