import { DisputeService } from '../../src/services/disputes/DisputeService';
import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { DialogHarness } from '../support/dialogHarness';

/** Thursday 26 November 2026, 10:00 in New York: every turn carries it, so no test depends on today. */
const NOW = '2026-11-26T15:00:00.000Z';

async function filingHarness(disputes = new DisputeService({ store: new InMemoryDisputeStore() })) {
  const harness = await DialogHarness.create('webchat', PolicyContent.load(), disputes);
  const say = (text: string) => harness.askAt(text, NOW, 'America/New_York');
  return { harness, say, disputes };
}

describe('filing on an ended contract', () => {
  it('turns "3 days ago" into arrival + 7 days and "4 days left"', async () => {
    const { say } = await filingHarness();
    expect(await say('my client ended the contract and asked for a refund')).toMatch(/refund request arrive/);
    const reply = await say('I got the refund request 3 days ago');
    expect(reply).toMatch(/Monday 30 November 2026/);
    expect(reply).toMatch(/4 days left/);
    expect(reply).toMatch(/Step 1 of 7/);
  });

  it.each([
    ['next Friday', /still to come/],
    ['banana', /couldn't find a date/],
    ['last week', /which day|the day itself/i],
  ])('asks again for "%s"', async (answer, expected) => {
    const { say } = await filingHarness();
    await say('client closed the contract and wants the escrow back');
    expect(await say(answer)).toMatch(expected);
    expect(await say('yesterday')).toMatch(/6 days left|Step 1 of 7/);
  });

  it('asks which Monday "last Monday" means, instead of risking a deadline a week off', async () => {
    const { say } = await filingHarness();
    await say('client closed the contract and wants the escrow back');
    expect(await say('last monday')).toMatch(/Monday 23 November 2026, or Monday 16 November 2026/);
    expect(await say('Nov 23')).toMatch(/Monday 30 November 2026[\s\S]*4 days left/);
  });

  it('help inside the claim speaks to the claim, and the question comes back', async () => {
    const { say } = await filingHarness();
    await say('client closed the contract and wants the escrow back');
    await say('yesterday');
    await say('write my claim');
    const help = await say('help');
    expect(help).toMatch(/collecting the details of your claim/);
    expect(help).not.toMatch(/the day the client’s refund request arrived/);
    expect(help).toMatch(/What did you and the client agree on/);
  });

  it('says plainly when the window has passed, and offers a person', async () => {
    const { say } = await filingHarness();
    await say('client closed the contract and wants the escrow back');
    const reply = await say('Nov 10');
    expect(reply).toMatch(/answer window has closed/);
    expect(reply).toMatch(/goes back to the client automatically/);
    expect(reply).toMatch(/talk to a person/);
  });

  it('walks the steps with next, back and show all', async () => {
    const { say } = await filingHarness();
    await say('client closed the contract and wants the escrow back');
    await say('yesterday');
    expect(await say('next')).toMatch(/Step 2 of 7[\s\S]*See Request/);
    expect(await say('next')).toMatch(/Step 3 of 7/);
    expect(await say('back')).toMatch(/Step 2 of 7/);
    const all = await say('show all');
    expect(all).toMatch(/All Contracts[\s\S]*Continue to Dispute/);
    expect(all).toMatch(/write your claim/);
  });

  it('files end to end with an edit in review and an interruption that resumes, and gives a reference', async () => {
    const { say, disputes, harness } = await filingHarness();
    await say('my client ended the job and requested the escrow back');
    await say('last Friday');
    expect(await say('write my claim')).toMatch(/What did you and the client agree on/);
    await say('A logo and brand guide, milestone 2 of the contract');
    // A question in the middle is answered, and the same question comes back.
    const interrupted = await say('who pays for arbitration?');
    expect(interrupted).toMatch(/split between you, the client/);
    expect(interrupted).toMatch(/What did you deliver, and when/);
    await say('Final files on 12 November via the messages');
    expect(await say('about five hundred')).toMatch(/amount with its currency/);
    await say('$500');
    await say('none');
    const review = await say('She said thanks on 14 November, then asked for a refund');
    expect(review).toMatch(/Amount in escrow: \$500\.00/);
    expect(review).toMatch(/Still missing: evidence/);
    expect(await say('Change: Evidence')).toMatch(/What evidence can you attach/);
    const reviewed = await say('https://drive.example/final.zip, brand-guide.pdf');
    expect(reviewed).toMatch(/Evidence: https:\/\/drive\.example\/final\.zip; brand-guide\.pdf/);
    expect(reviewed).not.toMatch(/Still missing/);
    const confirmation = await say('Looks good, record it');
    const reference = /reference is (FPD-[0-9A-Z]+)/.exec(confirmation)?.[1];
    expect(reference).toBeDefined();
    expect(confirmation).toMatch(/mediation specialist/);
    expect(confirmation).toMatch(/Monday 30 November 2026|Friday 27 November 2026/);

    const owned = await disputes.listForOwner(`webchat:${harness.userId}`);
    expect(owned.map((dispute) => dispute.id)).toEqual([reference]);
    expect(owned[0].stage).toBe('filed');
    expect(owned[0].claim.amount).toEqual({ value: 500, currency: 'USD' });
    expect(owned[0].claim.statement).toMatch(/work is complete/);
  });
});
