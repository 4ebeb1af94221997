import { DialogHarness } from '../support/dialogHarness';

/** Phrases a freelancer might type, and what the answer must contain (the facts that answer it). */
const QUESTIONS: Array<[string, RegExp[]]> = [
  [
    'how do I file a dispute, my client ended the contract and wants the escrow back',
    [/7 days/, /When did the client's refund request arrive/],
  ],
  ['client closed the job and asked for a refund what do i do', [/7 days to accept or reject/]],
  [
    'the contract is still active but the client wont release my milestone',
    [/Customer Support/, /mediation specialist/],
  ],
  ['where can I see my disputes', [/Help Center/, /person icon/, /Disputes/]],
  [
    'what happens if mediation fails?',
    [/not binding/, /binding arbitration/, /American Arbitration Association/],
  ],
  ['who pays for arbitration', [/split between you, the client and Upwork/]],
  ['what is mediation', [/mediation specialist works with you and the client/]],
  ['what if the client never answers the mediator', [/told how your dispute ended/]],
  ['how long do I have to respond to a refund request', [/7 days/, /back to the client automatically/]],
  [
    'what are the steps of the whole dispute process',
    [/mediation/, /recommendation/, /arbitration/, /Escrow Dispute Assistance Policy/],
  ],
];

describe('the main dialog answers questions with the facts that answer them', () => {
  it.each(QUESTIONS)('"%s"', async (question, expected) => {
    const harness = await DialogHarness.create('webchat');
    const answer = await harness.ask(question);
    for (const pattern of expected) expect(answer).toMatch(pattern);
  });
});

describe('small talk, help and things it cannot do', () => {
  it.each([
    ['hello', /dispute assistant/],
    ['thanks a lot', /welcome/],
    ['bye', /Goodbye/],
    ['help', /cancel/],
    ['cancel', /nothing in progress/i],
    ['what is the weather in Paris tomorrow', /can't help with that/],
    ['asdfgh qwerty', /can't help with that|not sure I understood/],
  ])('"%s"', async (text, expected) => {
    const harness = await DialogHarness.create('webchat');
    expect(await harness.ask(text)).toMatch(expected);
  });

  it('offers the main choices with the welcome, once', async () => {
    const harness = await DialogHarness.create('webchat');
    const [welcome] = await harness.say('hi');
    // Web Chat shows them as suggested actions only (it used to get a card with the same buttons too).
    expect(welcome.hasCard).toBe(false);
    expect(welcome.suggested).toEqual(
      expect.arrayContaining(['Is my situation covered?', 'Talk to a person']),
    );
  });
});

describe('choices offered outside a prompt', () => {
  it('a button press on the welcome menu opens that topic', async () => {
    const harness = await DialogHarness.create('webchat');
    await harness.say('hello');
    const replies = await harness.say('', { choice: 'my_disputes' });
    expect(replies.map((reply) => reply.text).join('\n')).toMatch(/Help Center/);
  });

  it('on Slack a typed number picks from the numbered menu', async () => {
    const harness = await DialogHarness.create('slack');
    const [menu] = await harness.say('hello');
    expect(menu.hasCard).toBe(false);
    expect(menu.text).toMatch(/4\. My disputes/);
    expect(await harness.ask('4')).toMatch(/Help Center/);
  });
});

describe('when unsure, it asks instead of guessing', () => {
  it('offers the likeliest topics and follows the one picked', async () => {
    const harness = await DialogHarness.create('slack');
    const reply = await harness.ask('dispute help milestone');
    expect(reply).toMatch(/not sure I understood/);
    expect(reply).toMatch(/1\. Unpaid milestone, active contract/);
    expect(await harness.ask('1')).toMatch(/Customer Support/);
  });
});
