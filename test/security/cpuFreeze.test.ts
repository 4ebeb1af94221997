import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { HealthWatch } from './support/healthWatch';

/**
 * Short messages that used to freeze the whole process: "1," x170 at the amount prompt (~11 s in
 * the money recognizer), "on the 2nd " x60 at the date prompt (~7 s in the date recognizer),
 * "between" and a run of spaces (seconds in one pattern). Sent to a real server process with its
 * Redis, while /healthz is asked every 20 ms: each answer must come within 200 ms, and each user
 * gets a reply.
 */

let redis: PrivateRedis;
let bot: BotProcess;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  bot = await BotProcess.start({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: 'freeze' });
}, 60000);

afterAll(async () => {
  await bot?.stop();
  await redis?.destroy();
});

/** A user at "when did the refund request arrive?". */
async function atTheDatePrompt(): Promise<BotConversation> {
  const user = new BotConversation(bot.baseUrl, { channelId: 'webchat', localTimezone: 'Europe/Berlin' });
  expect(textOf(await user.send('my client ended the contract and asked for a refund'))).toMatch(
    /refund request arrive/,
  );
  return user;
}

/** A user at "how much is in escrow, with the currency?". */
async function atTheAmountPrompt(): Promise<BotConversation> {
  const user = await atTheDatePrompt();
  await user.send('yesterday');
  expect(textOf(await user.send('write my claim'))).toMatch(/What did you and the client agree on/);
  await user.send('A logo and brand guide, milestone 2');
  expect(textOf(await user.send('Final files on 12 November via the messages'))).toMatch(
    /How much is in escrow/,
  );
  return user;
}

async function whileWatchingHealth<T>(attack: () => Promise<T>): Promise<{ result: T; slowestMs: number }> {
  const watch = new HealthWatch(bot.baseUrl);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result = await attack();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const latencies = await watch.stop();
  expect(latencies.length).toBeGreaterThan(0);
  return { result, slowestMs: Math.max(...latencies) };
}

const HEALTH_BUDGET_MS = 200;

/**
 * Runs the attack (fresh users each time) until one run keeps every /healthz under budget, three
 * runs at most. On this shared 2-core machine an idle process's /healthz alone sometimes takes
 * 150-190 ms; a real freeze (seconds, as before) fails every run, so a retry hides nothing.
 */
async function expectHealthyDuring<T>(attack: () => Promise<T>, check: (result: T) => void): Promise<void> {
  const slowest: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const { result, slowestMs } = await whileWatchingHealth(attack);
    check(result);
    slowest.push(Math.round(slowestMs));
    if (slowestMs < HEALTH_BUDGET_MS) return;
  }
  throw new Error(
    `/healthz took ${slowest.join(', ')} ms at worst in three runs (budget ${HEALTH_BUDGET_MS} ms)`,
  );
}

describe('messages that froze the event loop', () => {
  it('"1," x170 at the amount prompt: asked again, /healthz never waits 200 ms', async () => {
    await expectHealthyDuring(
      async () => {
        const users = await Promise.all([atTheAmountPrompt(), atTheAmountPrompt()]);
        return Promise.all(users.map((user) => user.send('1,'.repeat(170))));
      },
      (result) => {
        for (const replies of result) expect(textOf(replies)).toMatch(/amount with its currency/);
      },
    );
    // And an ordinary amount still works.
    const user = await atTheAmountPrompt();
    expect(textOf(await user.send('$500'))).not.toMatch(/amount with its currency/);
  });

  it.each([
    ['"on the 2nd " x60', 'on the 2nd '.repeat(60)],
    ['"on the 2nd " x450 (under the text cap)', 'on the 2nd '.repeat(450)],
    ['"between " x600', 'between '.repeat(600)],
    ['"between" and 4,900 spaces', `between${' '.repeat(4900)}x`],
    ['"1/" x2400', '1/'.repeat(2400)],
  ])('%s at the date prompt: a reply, /healthz never waits 200 ms', async (_name, message) => {
    await expectHealthyDuring(
      async () => {
        const users = await Promise.all([atTheDatePrompt(), atTheDatePrompt()]);
        return Promise.all(users.map((user) => user.send(message)));
      },
      (result) => {
        for (const replies of result) expect(textOf(replies)).not.toBe('');
      },
    );
  });

  it('a contract reference followed by thousands of spaces: a reply, /healthz never waits 200 ms', async () => {
    await expectHealthyDuring(
      () =>
        new BotConversation(bot.baseUrl, { channelId: 'webchat' }).send(
          `my contract${' '.repeat(4900)}is ended`,
        ),
      (replies) => expect(textOf(replies)).not.toBe(''),
    );
  });
});
