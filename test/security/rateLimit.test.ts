import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

/**
 * A per-user message limit kept in Redis, shared by every bot process: a user over it is told
 * once, kindly (200, never a 5xx), further messages in the window are dropped, other users are
 * untouched, and the user is served again when the window ends.
 */

const LIMITED = /sending messages faster than I can read them\. Please wait \d+ seconds/;

let redisServer: PrivateRedis;
let first: BotProcess;
let second: BotProcess;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  const env = {
    REDIS_URL: redisServer.url,
    REDIS_KEY_PREFIX: 'limits',
    RATE_LIMIT_POINTS: '5',
    RATE_LIMIT_DURATION_SECONDS: '5',
  };
  [first, second] = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
}, 30000);

afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await redisServer?.destroy();
});

describe('the per-user rate limit', () => {
  it('counts a user across both processes, says so once, spares others, and lifts after the window', async () => {
    const userId = `flooder-${Math.random()}`;
    const conversationId = `flood-${Math.random()}`;
    const onFirst = new BotConversation(first.baseUrl, { channelId: 'webchat', userId, conversationId });
    const onSecond = new BotConversation(second.baseUrl, { channelId: 'webchat', userId, conversationId });
    const answers: string[] = [];
    for (let message = 0; message < 8; message += 1) {
      // send() fails the test on any status but 200.
      answers.push(textOf(await (message % 2 === 0 ? onFirst : onSecond).send('what is mediation?')));
    }
    expect(answers.slice(0, 5).every((answer) => /mediation/i.test(answer) && !LIMITED.test(answer))).toBe(
      true,
    );
    expect(answers[5]).toMatch(LIMITED);
    expect(answers.slice(6)).toEqual(['', '']);

    const neighbour = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    expect(textOf(await neighbour.send('what is mediation?'))).toMatch(/mediation/i);

    await new Promise((resolve) => setTimeout(resolve, 5200));
    expect(textOf(await onFirst.send('what is mediation?'))).toMatch(/mediation/i);
  });
});
