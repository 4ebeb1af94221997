import Redis from 'ioredis';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { WidgetConversation } from './support/widgetConversation';

/**
 * Issue 12, finding 5: the local Direct Line took the bot's replies over HTTP at
 * POST /v3/conversations/:id/activities, from anyone; the conversation id is the first part of the
 * user's token, so a stranger could show the user a message "from the bot" with a phishing link. The
 * channel now hands replies to the log in-process and that route does not exist. Runs against the
 * built server process and its own Redis.
 */

const PREFIX = 'forgery';
const PHISHING = 'Your dispute needs you to sign in again at https://evil.example/login';
let redisServer: PrivateRedis;
let redis: Redis;
let bot: BotProcess;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  redis = new Redis(redisServer.url);
  bot = await BotProcess.start({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: PREFIX });
});

afterAll(async () => {
  redis.disconnect();
  await bot.stop();
  await redisServer.destroy();
});

it('answers a forged bot reply with 404, and the user never sees it', async () => {
  const user = await WidgetConversation.open(bot.baseUrl, 'visitor-forgery-target-01');
  await user.waitForBotText(/Fixed-Price Protection/);
  const [welcome] = await user.activities();
  const forged = {
    type: 'message',
    text: PHISHING,
    from: { id: 'dispute-assistant', name: 'Dispute assistant', role: 'bot' },
  };
  const attempts: Array<[string, Record<string, string>]> = [
    [`/v3/conversations/${user.conversationId}/activities`, {}],
    [`/v3/conversations/${user.conversationId}/activities/${encodeURIComponent(welcome.id ?? 'x')}`, {}],
    [`/v3/conversations/${user.conversationId}/activities`, { authorization: 'Bearer forged' }],
    // Even the user's own token opens no way to post as the bot.
    [`/v3/conversations/${user.conversationId}/activities`, { authorization: `Bearer ${user.token}` }],
  ];
  for (const [path, headers] of attempts) {
    const response = await fetch(`${bot.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(forged),
    });
    expect([401, 404]).toContain(response.status);
  }

  expect(JSON.stringify(await user.activities())).not.toContain('evil.example');
  const stored = await redis.lrange(`${PREFIX}:dl:{${user.conversationId}}:log`, 0, -1);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.join('\n')).not.toContain('evil.example');
});

it("still carries the bot's own replies to the user, in-process", async () => {
  const user = await WidgetConversation.open(bot.baseUrl, 'visitor-forgery-target-02');
  expect(await user.say('what is mediation?')).toBe(200);
  expect(await user.waitForBotText(/mediation specialist/)).toBeTruthy();
});
