import Redis from 'ioredis';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

/**
 * Issue 12, finding 1 (CSRF): a web page open in the developer's browser can post to
 * http://localhost:3978/api/messages without asking, as long as the body is a form, text or
 * multipart. Only JSON is taken (415 otherwise), and JSON from another origin needs a CORS preflight
 * the server never grants. Runs against the built server process and its own Redis.
 */

const PREFIX = 'csrf';
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

const activityJson = (conversationId: string) =>
  JSON.stringify({
    type: 'message',
    text: 'my disputes',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: 'user:alice' },
  });

it.each([
  [
    'an HTML form (x-www-form-urlencoded)',
    'application/x-www-form-urlencoded',
    (id: string) =>
      `type=message&text=my+disputes&channelId=webchat&conversation[id]=${id}&from[id]=user:alice`,
  ],
  ['JSON sent as text/plain (no preflight)', 'text/plain;charset=UTF-8', activityJson],
  [
    'a multipart form',
    'multipart/form-data; boundary=xyz',
    (id: string) =>
      `--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n${activityJson(id)}\r\n--xyz--\r\n`,
  ],
])('refuses %s with 415 and stores nothing', async (_case, contentType, body) => {
  const conversationId = `csrf-${Math.random().toString(36).slice(2)}`;
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: 'https://evil.example' },
    body: body(conversationId),
  });
  expect(response.status).toBe(415);
  expect(await response.text()).not.toContain('activities');
  expect(await redis.keys(`${PREFIX}*${conversationId}*`)).toEqual([]);
});

it('refuses a form however the path is spelled (percent-encoded letters reach the same route)', async () => {
  const response = await fetch(`${bot.baseUrl}/api/%6Dessages`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: activityJson('csrf-encoded-path'),
  });
  expect(response.status).toBe(415);
  expect(await redis.keys(`${PREFIX}*csrf-encoded-path*`)).toEqual([]);
});

it('grants no cross-origin preflight, so a page on another site cannot send JSON either', async () => {
  const preflight = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  });
  expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
});
