import Redis from 'ioredis';
import { IN_PROCESS_SERVICE_URL, serviceUrlCheck } from '../../src/services/network/serviceUrlPolicy';
import { BotConversation } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import { CountingListener } from './support/countingListener';
import { nonLoopbackAddress } from './support/nonLoopbackAddress';

/**
 * Issue 12, finding 4: the bot POSTed to whatever `serviceUrl` a caller sent and stored it in
 * hand-off cases and disputes for later proactive messages (the accept-timeout watcher sent 1,000
 * POSTs to an attacker's path). The attacker here is an HTTP listener on another address of this
 * machine that counts what reaches it: it must count 0. The bot runs as the built server process.
 */

const otherMachine = nonLoopbackAddress();
let redisServer: PrivateRedis;
let redis: Redis;
let attacker: CountingListener;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  redis = new Redis(redisServer.url);
  attacker = await CountingListener.start(otherMachine);
});

afterAll(async () => {
  redis.disconnect();
  await attacker.stop();
  await redisServer.destroy();
});

function post(baseUrl: string, activity: Record<string, unknown>, authorization?: string) {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({
      type: 'message',
      channelId: 'webchat',
      from: { id: 'user:mallory' },
      recipient: { id: 'bot' },
      ...activity,
    }),
  });
}

describe('without an app id (development mode)', () => {
  const PREFIX = 'ssrf-dev';
  let bot: BotProcess;

  beforeAll(async () => {
    bot = await BotProcess.start({
      REDIS_URL: redisServer.url,
      REDIS_KEY_PREFIX: PREFIX,
      HANDOFF_ACCEPT_TIMEOUT_SECONDS: '1',
    });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it.each([
    ['a reply sent to the serviceUrl', {}],
    ['a hand-off kept for the accept-timeout watcher', { deliveryMode: 'expectReplies' }],
  ])(
    'refuses a foreign serviceUrl (%s) with 400: no request goes out, nothing is stored',
    async (_c, extra) => {
      const conversationId = `ssrf-${Math.random().toString(36).slice(2)}`;
      const response = await post(bot.baseUrl, {
        text: 'I want to talk to a real person',
        serviceUrl: attacker.url,
        conversation: { id: conversationId },
        ...extra,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'service_url_not_allowed' });
      // Long enough for the watcher (every 250 ms, timeout 1 s) to have written to a stored case.
      await new Promise((resolve) => setTimeout(resolve, 1800));
      expect(attacker.requests).toBe(0);
      expect(await redis.keys(`${PREFIX}*${conversationId}*`)).toEqual([]);
    },
  );

  it('refuses addresses that only look local, and the in-process channel marker', async () => {
    for (const serviceUrl of [
      `http://0.0.0.0:${new URL(attacker.url).port}/`,
      'http://localhost.evil.example/',
      'http://169.254.169.254/latest/',
      'file:///etc/passwd',
      IN_PROCESS_SERVICE_URL,
    ]) {
      const response = await post(bot.baseUrl, {
        text: 'hi',
        serviceUrl,
        conversation: { id: 'c-look-local' },
      });
      expect(response.status).toBe(400);
    }
    expect(attacker.requests).toBe(0);
  });

  it('still takes the Emulator on this machine (a loopback serviceUrl)', async () => {
    const replies = await new BotConversation(bot.baseUrl).send('hello', {
      serviceUrl: 'http://localhost:1',
    });
    expect(replies.length).toBeGreaterThan(0);
  });
});

describe('with an app id', () => {
  let bot: BotProcess;
  // Shaped like a Bot Framework token (RS256), so the request gets past the first check.
  const rs256Shaped = `Bearer ${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString('base64url')}.e30.c2ln`;

  beforeAll(async () => {
    bot = await BotProcess.start({
      REDIS_URL: redisServer.url,
      REDIS_KEY_PREFIX: 'ssrf-prod',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000002',
      MicrosoftAppPassword: 'secret',
      HOST: '127.0.0.1',
    });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it.each([
    ['the attacker listener', () => attacker.url],
    ['a host that only starts like Teams', () => 'https://smba.trafficmanager.net.evil.example/amer/'],
    ['plain http to a channel host', () => 'http://webchat.botframework.com/'],
  ])('refuses %s as serviceUrl with 400 before anything is sent', async (_case, serviceUrl) => {
    const response = await post(
      bot.baseUrl,
      { text: 'hi', serviceUrl: serviceUrl(), conversation: { id: `prod-${Math.random()}` } },
      rs256Shaped,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'service_url_not_allowed' });
    expect(attacker.requests).toBe(0);
  });
});

describe('a reference stored before this check (proactive messages)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp();
  });

  afterAll(async () => {
    await running.stop();
  });

  it('is refused for good (403) and never called', async () => {
    const reference = {
      channelId: 'webchat',
      serviceUrl: attacker.url,
      conversation: { id: 'stored-long-ago', isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: 'bot', name: 'Dispute Assistant' },
      user: { id: 'user:alice', name: 'Alice' },
    };
    await expect(running.app.services.sender.send(reference, { text: 'hello' })).rejects.toMatchObject({
      statusCode: 403,
    });
    expect(attacker.requests).toBe(0);
  });
});

describe('the serviceUrl rule', () => {
  const production = serviceUrlCheck({ appIdSet: true });
  const development = serviceUrlCheck({ appIdSet: false });

  it.each([
    'https://smba.trafficmanager.net/amer/',
    'https://smba.infra.gcc.teams.microsoft.com/teams/',
    'https://smba.infra.gov.teams.microsoft.us/teams/',
    'https://smba.infra.dod.teams.microsoft.us/teams/',
    'https://webchat.botframework.com/',
    'https://directline.botframework.com/',
    'https://europe.directline.botframework.com/',
    'https://slack.botframework.com/',
    'https://webchat.botframework.azure.us/',
  ])('lets a bot with an app id send to %s', (url) => {
    expect(production(url)).toBeUndefined();
  });

  it.each([
    'https://evil.trafficmanager.net/',
    'https://botframework.com.evil.example/',
    'https://evil.example/?x=.botframework.com',
    'https://evil.example#.botframework.com',
    'http://127.0.0.1:3978/',
    'not a url',
    undefined,
  ])('refuses %s with an app id', (url) => {
    expect(production(url)).toBeDefined();
  });

  it.each(['http://127.0.0.1:9000/', 'http://localhost:9000/', 'http://[::1]:9000/', 'https://127.0.0.2/'])(
    'lets development mode send to %s (this machine)',
    (url) => {
      expect(development(url)).toBeUndefined();
    },
  );

  it.each([
    'https://webchat.botframework.com/',
    'http://192.0.2.10/',
    'http://0.0.0.0/',
    'http://a.localhost/',
  ])('refuses %s in development mode', (url) => {
    expect(development(url)).toBeDefined();
  });
});
