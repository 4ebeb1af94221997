import { RunningApp, startTestApp } from '../support/testApp';
import { freelancerAt } from './support/freelancerAt';
import { ARRIVAL_PROMPT } from './support/talkingUser';

/**
 * General fixes made after the blind6 batch (eval/blind6-first-run.txt: a helper playing hurried
 * freelancers against the running bot). Each told in new sentences, never the batch's own, against
 * the whole bot over HTTP. The user's clock is fixed on a Sunday (29 November 2026, 11:00 in New
 * York), so "last friday" names two days on every run.
 */
const SUNDAY = '2026-11-29T11:00:00.000-05:00';

let bot: RunningApp;
beforeAll(async () => {
  bot = await startTestApp();
});
afterAll(async () => {
  await bot.stop();
});

async function askedForTheDay(): Promise<(text: string) => Promise<string>> {
  const say = freelancerAt(bot, SUNDAY);
  expect(await say('the client cancelled the contract and requested the escrow be refunded')).toMatch(
    ARRIVAL_PROMPT,
  );
  return say;
}

describe('"which of the two days?" when the day of the request is first asked', () => {
  it('"the second one" picks the earlier day offered', async () => {
    const say = await askedForTheDay();
    expect(await say('last friday')).toMatch(/Friday 27 November 2026, or Friday 20 November 2026/);
    const reply = await say('the second one');
    expect(reply).not.toMatch(/can't read a day/);
    expect(reply).toMatch(/Friday 27 November 2026/); // 20 November + 7 days
  });

  it('the day of the month alone picks the day that falls on it', async () => {
    const say = await askedForTheDay();
    await say('i think it was last friday');
    const reply = await say('27');
    expect(reply).not.toMatch(/can't read a day/);
    expect(reply).toMatch(/Friday 4 December 2026/); // 27 November + 7 days
  });
});

/** Into the ended filing with the request dated Tuesday 24 November (deadline 1 December). */
async function filingWithDeadline(): Promise<(text: string) => Promise<string>> {
  const say = freelancerAt(bot, SUNDAY);
  await say('the client closed my contract and asked to get the escrow refunded');
  expect(await say('the request came on tuesday')).toMatch(/Tuesday 1 December 2026/);
  return say;
}

describe('the day put right in few words', () => {
  it('a new day alone ("the 23rd") corrects the day once the deadline was given', async () => {
    const say = await filingWithDeadline();
    const reply = await say('the 23rd');
    expect(reply).toMatch(/Updated: the refund request arrived Monday 23 November 2026/);
    expect(reply).toMatch(/Monday 30 November 2026/);
  });

  it('"sry 6 days ago not 5" (a typo, the old count after it) corrects the day', async () => {
    const say = await filingWithDeadline();
    const reply = await say('sry 6 days ago not 5');
    expect(reply).toMatch(/Updated: the refund request arrived Monday 23 November 2026/);
  });
});

describe('the request and its day inside a story', () => {
  it('"wants his $600 back ... the request came yesterday" gives the deadline at once', async () => {
    const say = freelancerAt(bot, SUNDAY);
    const reply = await say('client closed the job and wants his $600 back. request came yesterday morning');
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/Saturday 5 December 2026/); // 28 November + 7 days
  });

  it('"the request is dated the 26th" answers the date prompt', async () => {
    const say = await askedForTheDay();
    const reply = await say('the request is dated the 26th');
    expect(reply).not.toMatch(/couldn't find a date/);
    expect(reply).toMatch(/Thursday 3 December 2026/);
  });
});

describe('a corrected day that closes the window', () => {
  it('ends the filing steps: "next" after it does not walk on to step 2', async () => {
    const say = await filingWithDeadline();
    const closed = await say('oh no wait, it arrived on the 19th');
    expect(closed).toMatch(/Thursday 26 November 2026/); // 19 November + 7 days, passed
    expect(closed).not.toMatch(/Tell me when you are ready for the next one/);
    expect(await say('next')).not.toMatch(/Step 2 of/);
  });
});

describe('a question said with the situation', () => {
  it('"... asked for the escrow back 2 days ago, what if I just leave it?" answers it and gives the deadline', async () => {
    const say = freelancerAt(bot, SUNDAY);
    const reply = await say('my client asked for the escrow back 2 days ago, what if i just leave it?');
    expect(reply).toMatch(/goes back to the client automatically/);
    expect(reply).toMatch(/Friday 4 December 2026/); // 27 November + 7 days
  });
});

describe('whether arbitration must happen', () => {
  it('"will I need to go through arbitration?" is answered with when it happens, not its fee', async () => {
    const reply = await freelancerAt(bot, SUNDAY)('will i need to go through arbitration at some point?');
    expect(reply).toMatch(/recommendation/);
    expect(reply).toMatch(/American Arbitration Association/);
    expect(reply).not.toMatch(/split between you/);
  });
});

describe('which case it is, when the first message does not say', () => {
  it('"an issue with a client and my money" asks whether the contract ended, instead of assuming it is active', async () => {
    const reply = await freelancerAt(bot, SUNDAY)('ugh i have an issue with a client and my money');
    expect(reply).toMatch(/Has the contract ended, or is it still active\?/);
    expect(reply).not.toMatch(/Unpaid milestone on an active contract/);
  });

  it('on the active route, "he closed the contract and wants the escrow returned" moves to the ended filing', async () => {
    const say = freelancerAt(bot, SUNDAY);
    expect(await say("my client won't release the milestone payment")).toMatch(/active/);
    const reply = await say('he closed the contract and wants the escrow returned to him');
    expect(reply).toMatch(ARRIVAL_PROMPT);
  });
});

describe('writing the claim', () => {
  it('"no clue" for a part of the claim gets what a claim should hold, and is not kept as the answer', async () => {
    const say = await filingWithDeadline();
    const asked = await say('write my claim');
    expect(asked).toMatch(/\?/);
    const reply = await say('no clue');
    expect(reply).toMatch(/dispute specialist/);
    const question = asked.split('\n').at(-1) ?? '';
    expect(reply).toContain(question.slice(0, 30));
  });
});
