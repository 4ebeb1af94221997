import { ARRIVAL_PROMPT, talkingToTheBot } from './support/talkingUser';

/**
 * General fixes made after the blind3 batch of the evaluation set (eval/blind3-failures.md): each a
 * behaviour a user would notice, told in new sentences (never the batch's own), run against the
 * whole bot over HTTP. The clock is the test's own, so deadlines are checked as days left.
 */
const TYPE_QUESTION = /fixed-price contract or an hourly one/;
const SCOPE = /This assistant covers Fixed-Price Protection disputes/;

const user = talkingToTheBot();

describe('the day of the request, not the day the contract ended', () => {
  it('"ended it 4 days ago ... the request, it came yesterday" dates the request to yesterday', async () => {
    const reply = await user().say(
      'client ended the contract 4 days ago. a refund request is waiting, it came yesterday',
    );
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/6 days left/);
  });

  it('a corrected amount first does not lose the day said after it', async () => {
    const reply = await user().say(
      'there is $200 in escrow, sorry, $250. he closed the contract and asked for it back 3 days ago',
    );
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/4 days left/);
  });
});

describe('typed in a hurry', () => {
  it('"2 dys ago" answers the date prompt', async () => {
    const { say } = user();
    expect(await say('the client closed the contract and wants a refund')).toMatch(ARRIVAL_PROMPT);
    const reply = await say('reqest came 2 dys ago');
    expect(reply).toMatch(/5 days left/);
    expect(reply).not.toMatch(/couldn't find a date/);
  });

  it('"ongoin contrct" with delivered work is the active-contract route', async () => {
    const reply = await user('slack').say('ongoin contrct, work delivred, client silent, help');
    expect(reply).toMatch(/Customer Support/);
    expect(reply).not.toMatch(/Has the contract ended/);
  });
});

describe('the route from what the words already imply', () => {
  it('an ended job with money still in escrow goes to the filing without asking the contract type', async () => {
    const reply = await user().say('the client finished the job early and my money is still in escrow');
    expect(reply).not.toMatch(TYPE_QUESTION);
    expect(reply).toMatch(ARRIVAL_PROMPT);
  });

  it('"oops, no, fixed price" after "hourly" is the fixed-price case', async () => {
    const reply = await user().say(
      'it was hourly, oops, no: fixed price. the client closed it and wants a refund',
    );
    expect(reply).not.toMatch(/hourly contract is not something/);
    expect(reply).toMatch(ARRIVAL_PROMPT);
  });
});

describe('side subjects in the middle of a flow', () => {
  it('a withdrawal problem said in passing is pointed elsewhere, with what the assistant covers', async () => {
    const { say } = user();
    await say('the contract is still active and the milestone I delivered is unpaid');
    const reply = await say('unrelated, but my bank withdrawal failed twice');
    expect(reply).toMatch(/Withdrawals and payment methods are outside what I cover/);
    expect(reply).toMatch(SCOPE);
  });

  it('"how can I find that out?" after help for the day shows where to look again, not only a person', async () => {
    const { say } = user();
    await say('my client ended the contract and asked for his money back');
    await say("I honestly don't know which day");
    const reply = await say('how do I find that out?');
    expect(reply).toMatch(/See Request/);
    expect(reply).toMatch(/notifications/);
  });
});

describe('what the user said did not happen is not asked for', () => {
  it('an ended contract with no refund request yet is told the window has not started, not asked the day', async () => {
    const reply = await user().say(
      'the client closed the contract with money in escrow, no refund request yet',
    );
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/have not started/);
  });
});

describe('who is writing', () => {
  it('"I\'m actually the client" is a client, though "actually" often starts a correction', async () => {
    const reply = await user().say(
      "I'm actually the client here, how can I contest what the freelancer delivered?",
    );
    expect(reply).toMatch(/can't guide a client/);
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
  });
});

describe('help for what the user does not know', () => {
  it('not knowing the contract type gets what tells the two apart, not where the refund request is', async () => {
    const reply = await user().say(
      "the client closed my contract and asked for a refund, I'm not sure whether it was hourly or fixed",
    );
    expect(reply).toMatch(/The contract page shows which kind it is/);
    expect(reply).not.toMatch(/where it shows See Request/);
    expect(reply).toMatch(ARRIVAL_PROMPT);
  });
});

describe('the awaited request arrives', () => {
  it('"he just sent it, an hour ago" after "no refund request yet" gives the deadline without asking the day', async () => {
    const { say } = user();
    expect(
      await say('the contract ended with money in escrow, the client has not asked for a refund'),
    ).toMatch(/have not started/);
    const reply = await say('he just sent it, an hour ago');
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/Your deadline to answer the refund request/);
  });
});
