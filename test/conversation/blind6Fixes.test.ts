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
