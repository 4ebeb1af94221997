import Redis from 'ioredis';
import { generateDisputeId } from '../../src/services/disputes/disputeId';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { reachClaimReview, RECORD_IT, referenceIn } from '../faults/support/filingFlow';

/**
 * Who may see what: a dispute reference from another user is "not found", exactly like one that
 * does not exist; references are not guessable; with MicrosoftAppId set, a request without a
 * valid Bot Framework token is refused (401) before anything is read or written.
 */

let redisServer: PrivateRedis;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
});

afterAll(async () => {
  await redisServer.destroy();
});

describe('dispute references', () => {
  const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const SAMPLES = 20000;
  const ids = Array.from({ length: SAMPLES }, generateDisputeId);

  it('look like FPD- and ten Crockford base32 characters, and never repeat', () => {
    for (const id of ids) expect(id).toMatch(/^FPD-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(new Set(ids).size).toBe(SAMPLES);
  });

  it('carry 50 random bits: every character is uniform over 32 symbols at every position', () => {
    for (let position = 4; position < 14; position += 1) {
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(id[position], (counts.get(id[position]) ?? 0) + 1);
      expect(counts.size).toBe(CROCKFORD.length);
      const entropyBits = -[...counts.values()]
        .map((count) => count / SAMPLES)
        .reduce((sum, p) => sum + p * Math.log2(p), 0);
      // 5 bits is perfect; a skewed or sequential generator falls well below.
      expect(entropyBits).toBeGreaterThan(4.98);
    }
  });
});

describe("another user's dispute through the bot", () => {
  let bot: BotProcess;

  beforeAll(async () => {
    bot = await BotProcess.start({ REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'access' });
  });

  afterAll(async () => {
    await bot.stop();
  });

  it('is "not found", in the same words as a reference that does not exist', async () => {
    const owner = new BotConversation(bot.baseUrl, { channelId: 'webchat', userId: 'owner-ana' });
    await reachClaimReview(owner);
    const reference = referenceIn(textOf(await owner.send(RECORD_IT)));
    expect(reference).toBeDefined();
    // The owner sees it.
    const ownView = textOf(
      await new BotConversation(bot.baseUrl, { channelId: 'webchat', userId: 'owner-ana' }).send(
        `show ${reference}`,
      ),
    );
    expect(ownView).toMatch(/Stage:/);

    const stranger = () => new BotConversation(bot.baseUrl, { channelId: 'webchat', userId: 'stranger-ben' });
    const theirs = textOf(await stranger().send(`show ${reference}`));
    const nonexistent = textOf(await stranger().send(`show ${generateDisputeId()}`));
    expect(theirs).toMatch(/can't find a dispute with that reference/);
    expect(theirs).not.toContain('Stage:');
    expect(theirs).not.toMatch(/\$500|logo/i);
    expect(theirs).toBe(nonexistent);
    // The same user id on another channel is another person.
    const otherChannel = new BotConversation(bot.baseUrl, { channelId: 'slack', userId: 'owner-ana' });
    expect(textOf(await otherChannel.send(`show ${reference}`))).toMatch(/can't find a dispute/);
  });
});

describe('with MicrosoftAppId set', () => {
  let bot: BotProcess;
  let redis: Redis;

  beforeAll(async () => {
    redis = new Redis(redisServer.url);
    bot = await BotProcess.start({
      REDIS_URL: redisServer.url,
      REDIS_KEY_PREFIX: 'auth',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppPassword: 'secret',
    });
  });

  afterAll(async () => {
    redis.disconnect();
    await bot.stop();
  });

  const unsigned = (claims: object) =>
    `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

  it.each([
    ['no token', undefined],
    [
      'an unsigned token (alg none) with the right audience',
      `Bearer ${unsigned({ aud: '00000000-0000-0000-0000-000000000001', iss: 'https://api.botframework.com' })}`,
    ],
    ['garbage', 'Bearer not-a-jwt'],
    [
      'a token signed with the app password (HS256)',
      `Bearer ${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.e30.c2lnbmF0dXJl`,
    ],
  ])('refuses %s with 401 and processes nothing', async (_case, authorization) => {
    const conversationId = `auth-${Math.random()}`;
    const response = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({
        type: 'message',
        text: 'am I covered?',
        channelId: 'webchat',
        serviceUrl: 'https://example.invalid/',
        conversation: { id: conversationId },
        from: { id: 'u' },
        recipient: { id: 'bot' },
      }),
    });
    expect(response.status).toBe(401);
    expect(await redis.keys(`auth:*${conversationId}*`)).toEqual([]);
  });
});
