import { DialogHarness } from '../support/dialogHarness';

/** Each path through the eligibility questions, and what the user must be told at its end. */
const PATHS: Array<[string, string[], RegExp[]]> = [
  ['hourly contract: not covered, offered a person', ['hourly'], [/Not covered/, /talk to a person/i]],
  [
    'ended, money in escrow, refund requested: covered, filing guide',
    ['fixed price', 'it has ended', 'yes', 'yes'],
    [/Good news/, /7 days/, /refund request arrive/],
  ],
  [
    'ended, money in escrow, no refund request yet: covered, wait for it',
    ['1', '1', '1', '2'],
    [/covered/, /come back to me as soon as it arrives/],
  ],
  [
    'ended with no money in escrow: not covered',
    ['fixed-price', 'ended', 'no'],
    [/Not covered/, /no money left in escrow/],
  ],
  [
    'active, milestone delivered and unpaid: covered, support path',
    ['fixed', 'still active', 'yes'],
    [/Good news/, /Customer Support/],
  ],
  [
    'active, nothing unpaid: not covered',
    ['fixed', 'active', 'nope'],
    [/Not covered/, /Without a delivered milestone/],
  ],
];

describe('eligibility questions lead to the right path', () => {
  it.each(PATHS)('%s', async (_name, answers, expected) => {
    const harness = await DialogHarness.create('webchat');
    expect(await harness.ask('am I covered by fixed price protection?')).toMatch(
      /fixed-price contract or an hourly/,
    );
    let last = '';
    for (const answer of answers) last = await harness.ask(answer);
    for (const pattern of expected) expect(last).toMatch(pattern);
  });

  it('asks again when the answer is not one of the choices, then goes on', async () => {
    const harness = await DialogHarness.create('slack');
    await harness.ask('can I file a dispute?');
    expect(await harness.ask('purple elephant')).toMatch(/Please pick one/);
    expect(await harness.ask('fixed')).toMatch(/ended, or is it still active/);
  });
});

describe('interruptions in the middle of a flow', () => {
  async function inEligibility(): Promise<DialogHarness> {
    const harness = await DialogHarness.create('webchat');
    await harness.ask('is my situation covered');
    await harness.ask('fixed price');
    return harness;
  }

  it('answers a question about arbitration and resumes at the same step', async () => {
    const harness = await inEligibility();
    const reply = await harness.ask('who pays for arbitration?');
    expect(reply).toMatch(/split between you, the client/);
    expect(reply).toMatch(/ended, or is it still active/);
    expect(await harness.ask('ended')).toMatch(/money in escrow/);
  });

  it('answers a question about the deadline and resumes', async () => {
    const harness = await inEligibility();
    const reply = await harness.ask('how many days do I have to answer a refund request?');
    expect(reply).toMatch(/7 days/);
    expect(reply).toMatch(/ended, or is it still active/);
  });

  it('help explains the step and repeats the question', async () => {
    const harness = await inEligibility();
    const reply = await harness.ask('help');
    expect(reply).toMatch(/whether Fixed-Price Protection covers your situation/);
    expect(reply).toMatch(/ended, or is it still active/);
  });

  it('cancel stops the flow and offers what to do next', async () => {
    const harness = await inEligibility();
    const reply = await harness.ask('cancel');
    expect(reply).toMatch(/stopped that/);
    expect(reply).toMatch(/What would you like to do now/);
    expect(await harness.ask('what is mediation')).toMatch(/mediation specialist/);
  });

  it('start over goes back to the welcome', async () => {
    const harness = await inEligibility();
    expect(await harness.ask('start over')).toMatch(/start over[\s\S]*dispute assistant/);
  });

  it('talk to a person leaves the flow for a person', async () => {
    const harness = await inEligibility();
    expect(await harness.ask('I want to talk to a real person')).toMatch(/Customer Support/);
  });
});
