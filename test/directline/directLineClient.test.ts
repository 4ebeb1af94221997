import type { Activity } from 'botframework-directlinejs';
import { WELCOME_TEXT } from '../../src/dialogs/welcome';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import { DirectLineSession, replyToOf, textOfActivity } from './directLineSession';

const fromBot = (activity: Activity) =>
  activity.from.role === 'bot' || activity.from.id === 'dispute-assistant';

async function issueToken(
  baseUrl: string,
  anonymousId: string,
): Promise<{ token: string; conversationId: string; userId: string }> {
  const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ anonymousId }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string; conversationId: string; userId: string };
}

async function currentWatermark(baseUrl: string, conversationId: string, token: string): Promise<string> {
  const response = await fetch(`${baseUrl}/v3/directline/conversations/${conversationId}/activities`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { watermark: string }).watermark;
}

/**
 * The real botframework-directlinejs client against the bot's local Direct Line: start, get the
 * welcome, ask, get the answer; then a second client resumes the same conversation from a watermark
 * and receives only what came after it. `first` and `second` may be different bot processes.
 */
async function converseAndResume(first: RunningApp, second: RunningApp): Promise<void> {
  const { token, conversationId, userId } = await issueToken(first.baseUrl, 'directline-test-visitor-1');
  const one = new DirectLineSession(first.baseUrl, { token });
  const two: DirectLineSession[] = [];
  try {
    const welcome = await one.waitFor(
      (a) => fromBot(a) && textOfActivity(a).startsWith(WELCOME_TEXT),
      'welcome',
    );
    expect(welcome.conversation?.id).toBe(conversationId);

    const askedId = await one.send('who pays for arbitration?', {
      channelData: { clientActivityID: 'client-1' },
    });
    const echo = await one.waitFor((a) => a.id === askedId, 'echo of the question');
    // The channel, not the page, says who sent it; the page's own id for it is kept for Web Chat.
    expect(echo.from.id).toBe(userId);
    expect(echo.from.id).toBe('anon:directline-test-visitor-1');
    expect(echo.channelData).toEqual(expect.objectContaining({ clientActivityID: 'client-1' }));
    const answer = await one.waitFor((a) => fromBot(a) && replyToOf(a) === askedId, 'answer');
    expect(textOfActivity(answer)).toMatch(/split between you, the client/);

    const watermark = await currentWatermark(first.baseUrl, conversationId, token);
    one.end();

    two.push(new DirectLineSession(second.baseUrl, { token, conversationId, watermark }));
    const resumed = two[0];
    const nextId = await resumed.send('what is mediation?');
    await resumed.waitFor((a) => fromBot(a) && replyToOf(a) === nextId, 'answer after resuming');
    const texts = resumed.received.map(textOfActivity);
    expect(texts).toContain('what is mediation?');
    expect(texts.some((text) => text.startsWith(WELCOME_TEXT))).toBe(false);
    expect(texts).not.toContain('who pays for arbitration?');
    expect(resumed.received.every((a) => a.conversation?.id === conversationId)).toBe(true);
  } finally {
    one.end();
    two.forEach((session) => session.end());
  }
}

describe('botframework-directlinejs against the local Direct Line', () => {
  it('starts, greets, answers, and resumes from a watermark (in-process store)', async () => {
    const app = await startTestApp();
    try {
      await converseAndResume(app, app);
    } finally {
      await app.stop();
    }
  });

  it('resumes on another bot process when the conversation lives in Redis', async () => {
    const redis = await PrivateRedis.start();
    const a = await startTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'dltest' });
    const b = await startTestApp({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'dltest' });
    try {
      await converseAndResume(a, b);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await redis.stop();
    }
  });
});
