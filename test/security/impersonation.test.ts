import Redis from 'ioredis';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { reachClaimReview, RECORD_IT, referenceIn } from '../faults/support/filingFlow';
import { nonLoopbackAddress } from './support/nonLoopbackAddress';
import { WidgetConversation } from './support/widgetConversation';

/**
 * Issue 12, finding 1: with no MicrosoftAppId, POST /api/messages trusted `from.id`, so one curl from
 * anywhere could act as Alice. Now that development mode answers only this machine, the local Direct
 * Line takes who speaks from its token, and the bot listens on loopback unless told otherwise.
 * Every attack runs against the built server process and its own Redis.
 */

const ALICE = 'user:alice';
const otherMachine = nonLoopbackAddress();

let redisServer: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  redis = new Redis(redisServer.url);
});

afterAll(async () => {
  redis.disconnect();
  await redisServer.destroy();
});

const portOf = (bot: BotProcess) => new URL(bot.baseUrl).port;

/** The process's output once it shows the pattern (its pipe may lag behind its first answers). */
async function outputShowing(bot: BotProcess, pattern: RegExp): Promise<string> {
  const deadline = Date.now() + 5000;
  while (!pattern.test(bot.output) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 25));
  return bot.output;
}

/** A message as a stranger's curl sends it: Alice's channel and id, replies in the response. */
function asAlice(baseUrl: string, conversationId: string, text: string): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `forged-${Math.random()}`,
      text,
      channelId: 'webchat',
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      conversation: { id: conversationId },
      from: { id: ALICE },
      recipient: { id: 'bot' },
    }),
  });
}

describe('with the defaults (no app id, no HOST)', () => {
  let bot: BotProcess;

  beforeAll(async () => {
    bot = await BotProcess.start({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'imp-default', HOST: '' });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it('says at start that /api/messages is unauthenticated development mode, on loopback only', async () => {
    const warning = /"level":40[^\n]*Development mode: POST \/api\/messages is UNAUTHENTICATED/;
    expect(await outputShowing(bot, warning)).toMatch(warning);
    expect(bot.output).toMatch(/"event":"listening"[^\n]*"host":"127.0.0.1"/);
    await expect(fetch(`http://${otherMachine}:${portOf(bot)}/healthz`)).rejects.toThrow();
    expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe('listening on every interface, still without an app id', () => {
  let bot: BotProcess;
  let reference: string;
  const prefix = 'imp-open-host';

  beforeAll(async () => {
    bot = await BotProcess.start({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: prefix, HOST: '0.0.0.0' });
    // Alice files from this machine (a widget user's id has the same shape: webchat + user:<sub>).
    const alice = new BotConversation(bot.baseUrl, { channelId: 'webchat', userId: ALICE });
    await reachClaimReview(alice);
    reference = referenceIn(textOf(await alice.send(RECORD_IT))) ?? '';
    expect(reference).toMatch(/^FPD-/);
  });

  afterAll(async () => {
    await bot.stop();
  });

  it('refuses another machine that names Alice in from.id (403), and reads or writes nothing', async () => {
    const stranger = `http://${otherMachine}:${portOf(bot)}`;
    for (const [index, text] of ['my disputes', `show ${reference}`, `withdraw ${reference}`].entries()) {
      const conversationId = `stranger-${index}-${Date.now()}`;
      const response = await asAlice(stranger, conversationId, text);
      expect(response.status).toBe(403);
      const body = (await response.json()) as { error: string; activities?: unknown };
      expect(body.error).toBe('development_mode');
      expect(JSON.stringify(body)).not.toContain(reference);
      expect(await redis.keys(`${prefix}*${conversationId}*`)).toEqual([]);
    }
    // A reverse proxy on this machine connects from loopback: its forwarding header gives it away.
    const proxied = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
      body: JSON.stringify({
        type: 'message',
        text: 'my disputes',
        channelId: 'webchat',
        deliveryMode: 'expectReplies',
        conversation: { id: 'through-a-proxy' },
        from: { id: ALICE },
      }),
    });
    expect(proxied.status).toBe(403);
    // Alice's dispute is as she left it.
    const alice = new BotConversation(bot.baseUrl, { channelId: 'webchat', userId: ALICE });
    const view = textOf(await alice.send(`show ${reference}`));
    expect(view).toMatch(/Stage:/);
    expect(view).not.toMatch(/withdrawn/i);
  });

  it('does not let a widget visitor speak as Alice by writing her id into the posted activity', async () => {
    const visitor = await WidgetConversation.open(bot.baseUrl, 'visitor-posing-as-alice-01');
    for (const text of ['my disputes', `show ${reference}`]) {
      expect(await visitor.post({ type: 'message', text, from: { id: ALICE, role: 'user' } })).toBe(200);
    }
    const activities = await visitor.activities();
    const fromVisitor = activities.filter((activity) => activity.from.role === 'user');
    expect(fromVisitor.map((activity) => activity.from.id)).toEqual([
      'anon:visitor-posing-as-alice-01',
      'anon:visitor-posing-as-alice-01',
    ]);
    const said = (await visitor.botTexts()).join('\n');
    expect(said).not.toContain('Stage:');
    expect(said).toMatch(/can't find a dispute with that reference/);
  });
});

describe('ALLOW_UNAUTHENTICATED_MESSAGES=true', () => {
  let bot: BotProcess;

  beforeAll(async () => {
    bot = await BotProcess.start({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED_MESSAGES: 'true' });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it('opens development mode to other machines, and says so at error level at start', async () => {
    const danger = /"level":50[^\n]*DANGER: POST \/api\/messages is UNAUTHENTICATED/;
    expect(await outputShowing(bot, danger)).toMatch(danger);
    const response = await asAlice(`http://${otherMachine}:${portOf(bot)}`, `opened-${Date.now()}`, 'hi');
    expect(response.status).toBe(200);
  });
});
