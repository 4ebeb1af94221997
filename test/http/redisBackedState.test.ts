import Redis from 'ioredis';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

let redisServer: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  redisServer = await PrivateRedis.start({ appendOnly: true });
  redis = new Redis(redisServer.url);
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.destroy();
});

describe('the bot process on Redis', () => {
  it('says it uses Redis, keeps conversation state there with a TTL, and it survives a restart', async () => {
    const env = { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'restart-test', STATE_TTL_SECONDS: '900' };
    const first = await BotProcess.start(env);
    const conversation = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    expect(textOf(await conversation.send('am I covered?'))).toMatch(/fixed-price contract or an hourly/);
    expect(first.output).toMatch(/"mode":"redis"/);
    expect(first.output).not.toMatch(/NOT durable/);
    const key = `restart-test:state:{webchat/conversations/${conversation.conversationId}}/`;
    const stored = await redis.get(key);
    expect(stored).not.toBeNull();
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(800);
    expect(ttl).toBeLessThanOrEqual(900);
    expect(await first.stop()).toBe(0);

    // A new process picks the conversation up at the step where the first one left it.
    const second = await BotProcess.start(env);
    const resumed = new BotConversation(second.baseUrl, {
      channelId: 'webchat',
      conversationId: conversation.conversationId,
    });
    expect(textOf(await resumed.send('fixed price'))).toMatch(/ended, or is it still active/);
    await second.stop();
  });

  it('answers /readyz 503 while Redis is down and 200 once it is back', async () => {
    const bot = await BotProcess.start({ REDIS_URL: redisServer.url, REDIS_COMMAND_TIMEOUT_MS: '500' });
    const readiness = async () => (await fetch(`${bot.baseUrl}/readyz`)).status;
    await waitFor(async () => (await readiness()) === 200);
    await redisServer.stop();
    await waitFor(async () => (await readiness()) === 503);
    await redisServer.restart();
    redis.disconnect();
    redis = new Redis(redisServer.url);
    await waitFor(async () => (await readiness()) === 200);
    await bot.stop();
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
