import fc from 'fast-check';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { ESCAPED_ERROR } from '../faults/support/processHealth';
import { recordFigure } from '../faults/support/figures';
import { fuzzedActivity, userText } from './activityArbitraries';

/**
 * Property-based fuzzing of the messaging endpoint of the built bot (a child process on a private
 * Redis): random JSON, odd activities and odd user text never get a 5xx, never crash the process,
 * and leave it healthy and answering normally.
 */

// Case counts: thousands in all, in bounded time (a few ms per turn).
const ACTIVITY_RUNS = 1500;
const RANDOM_BODY_RUNS = 600;
const CONVERSATION_RUNS = 120;
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

let redisServer: PrivateRedis;
let bot: BotProcess;
const statuses = new Map<number, number>();

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  bot = await BotProcess.start({
    REDIS_URL: redisServer.url,
    RATE_LIMIT_POINTS: '1000000',
    LOG_LEVEL: 'warn',
  });
}, 30000);

afterAll(async () => {
  await bot?.stop();
  await redisServer?.destroy();
});

async function post(body: string): Promise<number> {
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  const text = await response.text();
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  // Every answer is JSON, even a refusal.
  if (text) JSON.parse(text);
  return response.status;
}

describe('fuzzing POST /api/messages', () => {
  it(`never answers 5xx to ${ACTIVITY_RUNS} odd activities`, async () => {
    await fc.assert(
      fc.asyncProperty(fuzzedActivity, async (activity) => {
        expect(await post(JSON.stringify(activity))).toBeLessThan(500);
      }),
      { numRuns: ACTIVITY_RUNS, seed: SEED },
    );
  }, 240000);

  it(`answers random JSON bodies (${RANDOM_BODY_RUNS}) with 4xx, never 5xx`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (body) => {
        const status = await post(JSON.stringify(body));
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: RANDOM_BODY_RUNS, seed: SEED },
    );
  }, 120000);

  it(`answers every message of ${CONVERSATION_RUNS} random conversations`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(userText, { minLength: 1, maxLength: 8 }), async (texts) => {
        const conversation = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
        for (const text of texts) {
          // send() throws on any status but 200.
          const replies = await conversation.send(text);
          expect(replies.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: CONVERSATION_RUNS, seed: SEED },
    );
  }, 240000);

  it('is healthy afterwards: alive, nothing escaped, and a normal conversation works', async () => {
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${bot.baseUrl}/readyz`)).status).toBe(200);
    expect(bot.output).not.toMatch(ESCAPED_ERROR);
    const conversation = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
    expect(textOf(await conversation.send('am I covered?'))).toMatch(/fixed-price contract or an hourly/);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    recordFigure('http fuzz: requests by status', Object.fromEntries(statuses));
  });
});

describe('the edges of the endpoint', () => {
  it('answers 413 to a body over MAX_BODY_BYTES, 400 to malformed JSON, and ignores unknown types', async () => {
    const huge = JSON.stringify({
      type: 'message',
      channelId: 'webchat',
      conversation: { id: 'big' },
      from: { id: 'u' },
      deliveryMode: 'expectReplies',
      text: 'x'.repeat(300 * 1024),
    });
    expect(await post(huge)).toBe(413);
    expect(await post('{"type":"message",')).toBe(400);
    const unknown = await new BotConversation(bot.baseUrl).post({ type: 'somethingNobodyKnows' });
    expect(unknown).toEqual([]);
  });
});
