import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { HealthWatch } from './support/healthWatch';

/**
 * Short messages that used to freeze the whole process: "1," x170 at the amount prompt (~11 s in
 * the money recognizer), "on the 2nd " x60 at the date prompt (~7 s in the date recognizer),
 * "between " repeated (20 s in one pattern). Sent to a real server process with its Redis, while
 * /healthz is asked every 20 ms: each answer must come within 200 ms, and each user gets a reply.
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

async function whileWatchingHealth<T>(attack: () => Promise<T>): Promise<{ result: T; latencies: number[] }> {
  const watch = new HealthWatch(bot.baseUrl);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const result = await attack();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { result, latencies: await watch.stop() };
}

describe('messages that froze the event loop', () => {
  it('"1," x170 at the amount prompt: asked again, /healthz never waits 200 ms', async () => {
    const users = await Promise.all([atTheAmountPrompt(), atTheAmountPrompt()]);
    const { result, latencies } = await whileWatchingHealth(() =>
      Promise.all(users.map((user) => user.send('1,'.repeat(170)))),
    );
    for (const replies of result) expect(textOf(replies)).toMatch(/amount with its currency/);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(200);
    // And an ordinary amount still works.
    expect(textOf(await users[0].send('$500'))).not.toMatch(/amount with its currency/);
  });

  it.each([
    ['"on the 2nd " x60', 'on the 2nd '.repeat(60)],
    ['"on the 2nd " x450 (under the text cap)', 'on the 2nd '.repeat(450)],
    ['"between " x600', 'between '.repeat(600)],
    ['"1/" x2400', '1/'.repeat(2400)],
  ])('%s at the date prompt: a reply, /healthz never waits 200 ms', async (_name, message) => {
    const users = await Promise.all([atTheDatePrompt(), atTheDatePrompt()]);
    const { result, latencies } = await whileWatchingHealth(() =>
      Promise.all(users.map((user) => user.send(message))),
    );
    for (const replies of result) expect(textOf(replies)).not.toBe('');
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(200);
  });

  it('a contract reference followed by thousands of spaces: a reply, /healthz never waits 200 ms', async () => {
    const user = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
    const { result, latencies } = await whileWatchingHealth(() =>
      user.send(`my contract${' '.repeat(4900)}is ended`),
    );
    expect(textOf(result)).not.toBe('');
    expect(Math.max(...latencies)).toBeLessThan(200);
  });
});
