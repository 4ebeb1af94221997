import Redis from 'ioredis';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { reachChecklist, reachClaimReview, RECORD_IT, referenceIn, stepIn } from './support/filingFlow';
import { recordFigure } from './support/figures';
import { ESCAPED_ERROR } from './support/processHealth';
import { STORAGE_APOLOGY, timedTurn, TimedTurn } from './support/timedTurn';
import { waitFor } from './support/waitFor';

/**
 * Redis frozen (SIGSTOP) for 5 s, then killed and restarted under traffic, and a Redis that accepts
 * reads but refuses the writes: the bot process survives all of it, answers every turn during the
 * outage with a short apology in bounded time, says 503 on /readyz, and afterwards every
 * conversation continues where it was, with nothing written before the outage lost.
 */

// The default command timeout (2 s) is what bounds an apology; the breaker makes later ones immediate.
const APOLOGY_BOUND_MS = 3000;
const PREFIX = 'outage';

let redisServer: PrivateRedis;
let bot: BotProcess;

/** A short-lived client of the test's own, opened after any restart. */
async function inspect<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

beforeAll(async () => {
  redisServer = await PrivateRedis.start({ appendOnly: true });
  // Many turns per user here: the rate limit is not what this file is about.
  bot = await BotProcess.start({
    REDIS_URL: redisServer.url,
    REDIS_KEY_PREFIX: PREFIX,
    RATE_LIMIT_POINTS: '100000',
  });
}, 30000);

afterAll(async () => {
  await bot?.stop();
  await redisServer?.destroy();
});

const readiness = async () => (await fetch(`${bot.baseUrl}/readyz`)).status;
const conversation = () => new BotConversation(bot.baseUrl, { channelId: 'webchat' });

/** The process still serves, and nothing escaped: no unhandled rejection, no uncaught exception. */
async function expectAliveAndClean(): Promise<void> {
  expect((await fetch(`${bot.baseUrl}/healthz`)).status).toBe(200);
  expect(bot.output).not.toMatch(ESCAPED_ERROR);
  expect(bot.output).not.toMatch(/"level":60/); // fatal
}

describe('Redis frozen for 5 seconds', () => {
  it('apologizes quickly during the freeze, says 503, and every conversation continues afterwards', async () => {
    const walking = conversation();
    expect(stepIn(await reachChecklist(walking))).toBe(1);
    const filer = conversation();
    await reachClaimReview(filer);
    const reference = referenceIn(textOf(await filer.send(RECORD_IT)));
    expect(reference).toBeDefined();

    redisServer.pause();
    const frozenAt = Date.now();
    const during: TimedTurn[] = [];
    const others = [conversation(), conversation(), conversation()];
    while (Date.now() - frozenAt < 4000) {
      const turns = await Promise.all([
        timedTurn(walking, 'next'),
        ...others.map((other) => timedTurn(other, 'am I covered?')),
      ]);
      during.push(...turns);
    }
    const readyDuringFreeze = await readiness();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 5000 - (Date.now() - frozenAt))));
    redisServer.resume();

    expect(readyDuringFreeze).toBe(503);
    expect(during.length).toBeGreaterThanOrEqual(8);
    for (const turn of during) {
      expect(turn.text).toMatch(STORAGE_APOLOGY);
      expect(turn.text).not.toMatch(/Step \d of 7|fixed-price contract/);
      expect(turn.elapsedMs).toBeLessThan(APOLOGY_BOUND_MS);
    }
    // After a few timeouts the circuit opens and the rest are refused without waiting for Redis.
    expect(bot.output).toMatch(/storage_circuit_open/);
    expect(Math.min(...during.map((turn) => turn.elapsedMs))).toBeLessThan(1000);

    recordFigure('freeze: turns during 5 s of SIGSTOP, all apologized', during.length);
    recordFigure('freeze: slowest apology ms', Math.max(...during.map((turn) => turn.elapsedMs)));
    await waitFor(async () => (await readiness()) === 200, 'ready again after the freeze');
    // The walk resumes at the step after the last one saved: the apologized turns changed nothing.
    expect(stepIn(textOf(await walking.send('next')))).toBe(2);
    expect(textOf(await filer.send('am I covered?'))).toMatch(/fixed-price contract or an hourly/);
    expect(await inspect((redis) => redis.exists(`${PREFIX}:dispute:{${reference}}`))).toBe(1);
    await expectAliveAndClean();
  }, 60000);
});

describe('Redis killed and restarted during traffic', () => {
  it('keeps answering, continues every conversation, and loses nothing written before', async () => {
    const walking = conversation();
    expect(stepIn(await reachChecklist(walking))).toBe(1);
    const filer = conversation();
    await reachClaimReview(filer);
    const reference = referenceIn(textOf(await filer.send(RECORD_IT)));
    expect(reference).toBeDefined();

    // New users keep arriving, four at a time, while Redis goes down and comes back.
    let trafficOn = true;
    const seen: TimedTurn[] = [];
    const statuses: number[] = [];
    const users = Array.from({ length: 4 }, async () => {
      while (trafficOn) {
        try {
          seen.push(await timedTurn(conversation(), 'am I covered?'));
          statuses.push(200);
        } catch (error) {
          statuses.push(Number(/answered (\d+)/.exec(String(error))?.[1] ?? 0));
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redisServer.stop();
    await waitFor(async () => (await readiness()) === 503, 'not ready while Redis is down');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    await redisServer.restart();
    await waitFor(async () => (await readiness()) === 200, 'ready again after the restart');
    await new Promise((resolve) => setTimeout(resolve, 500));
    trafficOn = false;
    await Promise.all(users);

    expect(statuses.every((status) => status === 200)).toBe(true);
    const apologies = seen.filter((turn) => STORAGE_APOLOGY.test(turn.text));
    const answered = seen.filter((turn) => /fixed-price contract or an hourly/.test(turn.text));
    expect(apologies.length).toBeGreaterThan(0);
    expect(answered.length).toBeGreaterThan(0);
    expect(apologies.length + answered.length).toBe(seen.length);
    for (const turn of apologies) expect(turn.elapsedMs).toBeLessThan(APOLOGY_BOUND_MS);
    recordFigure('kill+restart: turns under traffic', seen.length);
    recordFigure('kill+restart: apologized', apologies.length);
    recordFigure('kill+restart: slowest apology ms', Math.max(...apologies.map((turn) => turn.elapsedMs)));

    // appendonly kept everything written before the kill: the walk, the filed dispute.
    expect(stepIn(textOf(await walking.send('next')))).toBe(2);
    expect(await inspect((redis) => redis.exists(`${PREFIX}:dispute:{${reference}}`))).toBe(1);
    await expectAliveAndClean();
  }, 60000);
});

describe('Redis that reads but refuses to write', () => {
  // Scripts (every state write and every dispute change) refused by ACL: the state of the turn is
  // loaded, the turn runs, and then its save fails.
  const refuseWrites = () => inspect((redis) => redis.call('ACL', 'SETUSER', 'default', '-evalsha', '-eval'));
  const allowWrites = () => inspect((redis) => redis.call('ACL', 'SETUSER', 'default', '+@all'));

  afterAll(async () => {
    await allowWrites();
  });

  it('does not claim a step it could not save', async () => {
    const walking = conversation();
    expect(stepIn(await reachChecklist(walking))).toBe(1);
    await refuseWrites();
    const failed = textOf(await walking.send('next'));
    await allowWrites();
    expect(failed).toMatch(STORAGE_APOLOGY);
    expect(failed).not.toMatch(/Step \d of 7/);
    expect(stepIn(textOf(await walking.send('next')))).toBe(2);
    await expectAliveAndClean();
  });

  it('does not show a reference for a dispute it could not record, and files once when asked again', async () => {
    const filer = conversation();
    await reachClaimReview(filer);
    await refuseWrites();
    const failed = textOf(await filer.send(RECORD_IT));
    await allowWrites();
    expect(failed).toMatch(STORAGE_APOLOGY);
    expect(referenceIn(failed)).toBeUndefined();

    const reference = referenceIn(textOf(await filer.send(RECORD_IT)));
    expect(reference).toBeDefined();
    // The owner's index holds that one dispute, once: the failed attempt left nothing behind.
    const indexes = await inspect(async (redis) =>
      Promise.all((await redis.keys(`${PREFIX}:owner:*:disputes`)).map((key) => redis.zrange(key, 0, -1))),
    );
    expect(indexes.filter((ids) => ids.includes(reference ?? ''))).toEqual([[reference]]);
    await expectAliveAndClean();
  });
});
