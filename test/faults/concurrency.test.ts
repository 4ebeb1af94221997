import Redis from 'ioredis';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { reachChecklist, reachClaimReview, RECORD_IT, referenceIn, stepIn } from './support/filingFlow';
import { recordFigure } from './support/figures';
import { ESCAPED_ERROR } from './support/processHealth';

/**
 * Two messages at once in one conversation (a double send, a channel retry), and the turns of one
 * conversation spread over two bot processes on one Redis: no update is lost, nothing is filed
 * twice, a redelivered activity runs once, and the dialog carries on across processes.
 */

const PREFIX = 'concurrency';
let redisServer: PrivateRedis;
let redis: Redis;
let first: BotProcess;
let second: BotProcess;

beforeAll(async () => {
  redisServer = await PrivateRedis.start({ appendOnly: true });
  redis = new Redis(redisServer.url);
  const env = { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: PREFIX, RATE_LIMIT_POINTS: '100000' };
  [first, second] = await Promise.all([BotProcess.start(env), BotProcess.start(env)]);
}, 30000);

afterAll(async () => {
  redis.disconnect();
  await Promise.all([first?.stop(), second?.stop()]);
  await redisServer?.destroy();
});

/** The ids in every owner index that holds this dispute (one index, one entry when all is well). */
async function indexesHolding(reference: string): Promise<string[][]> {
  const keys = await redis.keys(`${PREFIX}:owner:*:disputes`);
  const indexes = await Promise.all(keys.map((key) => redis.zrange(key, 0, -1)));
  return indexes.filter((ids) => ids.includes(reference));
}

/** The same conversation, reached through one process or the other. */
function sameConversationOn(bots: BotProcess[]): BotConversation[] {
  const conversationId = `conv-two-processes-${Date.now()}-${Math.random()}`;
  return bots.map((bot) => new BotConversation(bot.baseUrl, { channelId: 'webchat', conversationId }));
}

describe('two messages at once in one conversation', () => {
  it('files a double-sent "record it" once, and both answers name the same dispute', async () => {
    const conversation = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    await reachClaimReview(conversation);
    const answers = await Promise.all([conversation.send(RECORD_IT), conversation.send(RECORD_IT)]);
    const references = answers.map((replies) => referenceIn(textOf(replies))).filter(Boolean);
    expect(references.length).toBeGreaterThanOrEqual(1);
    expect(new Set(references).size).toBe(1);
    expect(await indexesHolding(references[0] ?? '')).toEqual([[references[0]]]);
  });

  it('applies four "next" sent at once one after another: every step shown once, none lost', async () => {
    const conversation = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    expect(stepIn(await reachChecklist(conversation))).toBe(1);
    const answers = await Promise.all([1, 2, 3, 4].map(() => conversation.send('next')));
    expect(answers.map((replies) => stepIn(textOf(replies))).sort()).toEqual([2, 3, 4, 5]);
    expect(stepIn(textOf(await conversation.send('next')))).toBe(6);
  });

  it('runs a redelivered activity once, whether the copy comes later or at the same time', async () => {
    const conversation = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    await reachChecklist(conversation);
    const later = { id: `redelivered-${Math.random()}` };
    expect(stepIn(textOf(await conversation.send('next', later)))).toBe(2);
    expect(await conversation.send('next', later)).toEqual([]);

    const simultaneous = { id: `simultaneous-${Math.random()}` };
    const copies = await Promise.all([
      conversation.send('next', simultaneous),
      conversation.send('next', simultaneous),
    ]);
    expect(copies.filter((replies) => replies.length > 0).map((replies) => stepIn(textOf(replies)))).toEqual([
      3,
    ]);
    expect(stepIn(textOf(await conversation.send('next')))).toBe(4);
  });
});

describe('two bot processes on one Redis', () => {
  it('continues a dialog whose turns alternate between the processes, and files it once', async () => {
    const [onFirst, onSecond] = sameConversationOn([first, second]);
    const script = [
      'my client ended the job and requested the escrow back',
      'yesterday',
      'next',
      'write my claim',
      'A logo and brand guide, milestone 2 of the contract',
      'Final files on 12 November via the messages',
      '$500',
      'https://drive.example/final.zip',
      'She said thanks on 14 November, then asked for a refund',
    ];
    const said: string[] = [];
    for (const [index, text] of script.entries()) {
      said.push(textOf(await (index % 2 === 0 ? onFirst : onSecond).send(text)));
    }
    expect(said[1]).toMatch(/Step 1 of 7/);
    expect(said[2]).toMatch(/Step 2 of 7/);
    expect(said[3]).toMatch(/What did you and the client agree on/);
    expect(said[8]).toMatch(/Amount in escrow: \$500\.00/);
    const reference = referenceIn(textOf(await onSecond.send(RECORD_IT)));
    expect(reference).toBeDefined();
    expect(await indexesHolding(reference ?? '')).toEqual([[reference]]);
  });

  it('loses no update when turns of one conversation race in both processes (eTag conflict, turn re-run)', async () => {
    let rounds = 0;
    for (; rounds < 5; rounds += 1) {
      const [onFirst, onSecond] = sameConversationOn([first, second]);
      expect(stepIn(await reachChecklist(onFirst))).toBe(1);
      const answers = await Promise.all(
        [onFirst, onSecond, onFirst, onSecond, onFirst, onSecond].map((side) => side.send('next')),
      );
      // Every answer shows a different step: each "next" was applied exactly once, on the state
      // the others left, whichever process it went to.
      expect(answers.map((replies) => stepIn(textOf(replies))).sort()).toEqual([2, 3, 4, 5, 6, 7]);
      if (/turn_rerun_after_conflict/.test(first.output + second.output)) break;
    }
    recordFigure('two processes: rounds of 6 racing turns', rounds + 1);
    recordFigure(
      'two processes: turns re-run after an eTag conflict',
      (first.output + second.output).match(/turn_rerun_after_conflict/g)?.length ?? 0,
    );
    // The race did happen: a save met the other process's write and the turn ran again.
    expect(first.output + second.output).toMatch(/turn_rerun_after_conflict/);
    expect(first.output + second.output).not.toMatch(ESCAPED_ERROR);
  });
});
