import { RunningApp, startTestApp } from '../support/testApp';
import { freelancerAt } from './support/freelancerAt';
import { ARRIVAL_PROMPT } from './support/talkingUser';

/**
 * General fixes made after the blind5 batch of the evaluation set (eval/blind5-first-run.txt): a
 * freelancer corrects, mid-filing, the day the refund request arrived. Each told in new sentences
 * (never the batch's own), run against the whole bot over HTTP. The user's clock is fixed (Thursday
 * 26 November 2026, 10:30 in New York), so "last tuesday" names two days on every run.
 */
const LOCAL_NOW = '2026-11-26T10:30:00.000-05:00';
const WALKER_RETRY = /Say "next", "back"/;

let bot: RunningApp;
beforeAll(async () => {
  bot = await startTestApp();
});
afterAll(async () => {
  await bot.stop();
});

function freelancer(): (text: string) => Promise<string> {
  return freelancerAt(bot, LOCAL_NOW);
}

/** Into the ended filing with the request dated 3 days ago (Monday 23 November, deadline the 30th). */
async function filingWithDeadline(): Promise<(text: string) => Promise<string>> {
  const say = freelancer();
  await say('my client closed the contract and wants the escrow money refunded');
  expect(await say('the request showed up 3 days ago')).toMatch(/Monday 30 November 2026/);
  return say;
}

describe('a corrected day that names two days, or none', () => {
  it('"hmm wait, it was last tuesday" asks which Tuesday, and "the more recent one" takes it', async () => {
    const say = await filingWithDeadline();
    const asked = await say('hmm wait, it was last tuesday');
    expect(asked).toMatch(/Tuesday 24 November 2026, or Tuesday 17 November 2026 the week before/);
    expect(asked).not.toMatch(WALKER_RETRY);
    const picked = await say('the more recent one');
    expect(picked).toMatch(/Updated: the refund request arrived Tuesday 24 November 2026/);
    expect(picked).toMatch(/Tuesday 1 December 2026/);
  });

  it('"sorry no, it was last week" asks for the day, and a bare "the 20th" answers it', async () => {
    const say = await filingWithDeadline();
    expect(await say('sorry no, it was last week')).toMatch(/Which day exactly did it arrive/);
    const dated = await say('the 20th');
    expect(dated).toMatch(/Updated: the refund request arrived Friday 20 November 2026/);
    expect(dated).toMatch(/Friday 27 November 2026/);
  });

  it('the question is asked for one message only: "next" after it walks the steps as before', async () => {
    const say = await filingWithDeadline();
    await say('hmm wait, it was last tuesday');
    const next = await say('next');
    expect(next).toMatch(/Step 2 of/);
    expect(next).not.toMatch(/Updated/);
  });
});

describe('corrections said in the middle of a message', () => {
  it('"the notification actually said saturday" corrects the day without a correction word first', async () => {
    const say = await filingWithDeadline();
    const corrected = await say('I checked again and the notification actually said saturday');
    expect(corrected).toMatch(/Updated: the refund request arrived Saturday 21 November 2026/);
    expect(corrected).toMatch(/Saturday 28 November 2026/);
  });

  it('a correction with a question after it answers the question too', async () => {
    const say = await filingWithDeadline();
    const reply = await say('no sorry it was 5 days ago. and what if I just let it sit and do nothing?');
    expect(reply).toMatch(/Updated: the refund request arrived Saturday 21 November 2026/);
    expect(reply).toMatch(/goes back to the client automatically/);
  });

  it('a second digression in a row brings the step back in other words', async () => {
    const say = await filingWithDeadline();
    const first = await say('where is the refund request shown?');
    const second = await say('oops, it was 4 days ago');
    const lastOf = (reply: string) => reply.split('\n').at(-1);
    expect(second).toMatch(/Updated/);
    expect(lastOf(second)).not.toBe(lastOf(first));
  });
});

describe('the steps are not moved on by a long question', () => {
  it('"ok, and before I continue: ..." gets its answer and stays on the step', async () => {
    const say = await filingWithDeadline();
    const reply = await say('ok, one thing before i continue - who pays when it ends up in arbitration?');
    expect(reply).not.toMatch(/Step 2 of/);
    expect(reply).toMatch(/arbitration/i);
  });
});

describe('the request dated with "from"', () => {
  it('"the request is from the 24th" answers the date prompt', async () => {
    const say = freelancer();
    expect(await say('the client ended our contract and asked for the escrow back')).toMatch(ARRIVAL_PROMPT);
    const reply = await say('the request is from the 24th');
    expect(reply).not.toMatch(/couldn't find a date/);
    expect(reply).toMatch(/Tuesday 1 December 2026/);
  });
});
