import { randomUUID } from 'node:crypto';
import { AGENT_SECRET, AgentApi, casePath } from '../agent/support/agentApi';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { postRaw } from './support/attack';
import { DirectLineVisitor } from './support/directLineVisitor';

/**
 * Every input is bounded: ids, value and channelData are refused with 400 and the reason past their
 * caps; text past 5,000 characters gets a kind answer instead of a turn; ids as long as the channels
 * really send (Teams) are accepted and reachable through the agent API; and every error body is
 * the project's own short message. Against a real server process and its Redis.
 */

let redis: PrivateRedis;
let bot: BotProcess;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  bot = await BotProcess.start({
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'caps',
    AGENT_JWT_SECRET: AGENT_SECRET,
  });
}, 60000);

afterAll(async () => {
  await bot?.stop();
  await redis?.destroy();
});

function activity(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    text: 'what is mediation?',
    channelId: 'webchat',
    deliveryMode: 'expectReplies',
    conversation: { id: `conv-${randomUUID()}` },
    from: { id: `user-${randomUUID()}` },
    recipient: { id: 'bot' },
    ...fields,
  };
}

async function postActivity(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${bot.baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** An id shaped like a Teams chat conversation id ("a:1...@thread.v2"), `length` characters long. */
function teamsLikeId(length: number): string {
  const tail = '@thread.v2';
  return `a:1Q7v3-Xf_${'k9Zr2'.repeat(length)}`.slice(0, length - tail.length) + tail;
}

const OVER = 'x'.repeat(513);
const BIG_PAYLOAD = { blob: 'y'.repeat(17 * 1024) };

describe('ids, value and channelData past their caps', () => {
  it.each([
    ['conversation.id', { conversation: { id: OVER } }, /conversation\.id must be at most 512 characters/],
    ['from.id', { from: { id: OVER } }, /from\.id must be at most 512 characters/],
    ['recipient.id', { recipient: { id: OVER } }, /recipient\.id must be at most 512 characters/],
    ['replyToId', { replyToId: OVER }, /replyToId must be at most 512 characters/],
    ['id', { id: OVER }, /id must be at most 512 characters/],
    ['value', { value: BIG_PAYLOAD }, /value must be at most 16384 bytes as JSON/],
    ['channelData', { channelData: BIG_PAYLOAD }, /channelData must be at most 16384 bytes as JSON/],
  ])('%s: 400 with the reason', async (_field, fields, reason) => {
    const answer = await postActivity(activity(fields));
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('invalid_activity');
    expect(String(answer.body.message)).toMatch(reason);
  });

  it('a Direct Line post with an oversized value: 400 BadArgument with the reason', async () => {
    const visitor = await DirectLineVisitor.open(bot.baseUrl);
    const answer = await visitor.post({ type: 'message', text: 'hi', value: BIG_PAYLOAD });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/value: must be at most 16384 bytes as JSON/);
  });
});

describe('ids as long as the channels really send', () => {
  it('a 500-character Teams-like conversation id is served, and its hand-off case is reachable by agents', async () => {
    const conversationId = teamsLikeId(500);
    expect(conversationId).toHaveLength(500);
    const user = new BotConversation(bot.baseUrl, { channelId: 'webchat', conversationId });
    expect(textOf(await user.send('I want to talk to a real person'))).toMatch(/in the queue/);

    const agent = await AgentApi.as(bot.baseUrl, 'agent', 'alice');
    const found = await agent.get<{ case: { id: string } }>(casePath(conversationId));
    expect(found.status).toBe(200);
    expect(found.body.case.id).toBe(conversationId);
  });
});

describe('text past the cap', () => {
  it('5,001 characters: a kind answer, nothing else happens, and the next message is served', async () => {
    const user = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
    const replies = await user.send(`${'please read all of this '.repeat(209)}`.slice(0, 5001));
    expect(replies).toHaveLength(1);
    expect(textOf(replies)).toMatch(/longer than I can read at once \(5,000 characters at most\)/);
    expect(textOf(await user.send('what is mediation?'))).toMatch(/mediation/i);
  });

  it('5,000 characters: read as usual', async () => {
    const user = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
    const text = 'what is mediation? '.padEnd(5000, '.');
    expect(textOf(await user.send(text))).not.toMatch(/longer than I can read/);
  });
});

describe('a mention entity without "mentioned"', () => {
  it('does not break the turn: the message is answered', async () => {
    const user = new BotConversation(bot.baseUrl, { channelId: 'msteams' });
    const replies = await user.send('<at>Dispute assistant</at> what is mediation?', {
      entities: [{ type: 'mention', text: '<at>Dispute assistant</at>' }, { type: 'mention' }],
    });
    expect(textOf(replies)).toMatch(/mediation/i);
    expect(textOf(replies)).not.toMatch(/something went wrong/i);
  });
});

describe("every error body is the project's own", () => {
  it.each<[string, { method: string; path: string; body?: string }, number, string]>([
    ['an unknown route', { method: 'GET', path: '/nowhere/<script>' }, 404, 'not_found'],
    [
      'a body that is not JSON',
      { method: 'POST', path: '/api/messages', body: '{"type":' },
      400,
      'bad_request',
    ],
    [
      'a body over the size limit',
      { method: 'POST', path: '/api/messages', body: `"${'z'.repeat(300 * 1024)}"` },
      413,
      'payload_too_large',
    ],
  ])('%s', async (_name, request, status, code) => {
    const answer =
      request.method === 'GET'
        ? await fetch(`${bot.baseUrl}${request.path}`).then(async (response) => ({
            status: response.status,
            body: await response.text(),
          }))
        : await postRaw(
            `${bot.baseUrl}${request.path}`,
            { 'content-type': 'application/json' },
            request.body ?? '',
          );
    expect(answer.status).toBe(status);
    const body = JSON.parse(answer.body) as { error: string; message: string };
    expect(body.error).toBe(code);
    expect(Object.keys(body).sort()).toEqual(['error', 'message']);
    expect(answer.body).not.toMatch(/nowhere|script|exceeds|Unexpected|restify|SyntaxError/i);
  });
});
