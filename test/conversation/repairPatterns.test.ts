import { randomUUID } from 'node:crypto';
import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';

/**
 * The conversation-repair patterns of issue 13, each a named behaviour a user would notice, run
 * against the whole bot over HTTP on both storage backends: what a message said must survive the
 * turn boundary, so every pattern crosses turns through the real conversation state.
 */
const ARRIVAL_PROMPT = /When did the client's refund request arrive/;
const HANDED_OFF = /passed your conversation to Customer Support|in the queue/;

let redis: PrivateRedis;

beforeAll(async () => {
  redis = await PrivateRedis.start();
});

afterAll(async () => {
  await redis.destroy();
});

const BACKENDS: Array<[string, () => Record<string, string>]> = [
  ['embedded storage', () => ({})],
  ['Redis', () => ({ REDIS_URL: redis.url, REDIS_KEY_PREFIX: `repair-${randomUUID()}` })],
];

describe.each(BACKENDS)('conversation repair on %s', (_backend, env) => {
  let bot: RunningApp;

  beforeAll(async () => {
    bot = await startTestApp(env());
  });

  afterAll(async () => {
    await bot.stop();
  });

  function user(channelId = 'webchat') {
    const conversation = new BotConversation(bot.baseUrl, { channelId, localTimezone: 'America/New_York' });
    return {
      say: async (text: string) => textOf(await conversation.send(text)),
      replies: (text: string): Promise<ReplyActivity[]> => conversation.send(text),
    };
  }

  it('skip-known-slot: a refund day said with the question gives the deadline straight away', async () => {
    const reply = await user().say('he asked for the escrow back 5 days ago, how long do I have');
    expect(reply).toMatch(/2 days left/);
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
  });

  it('skip-known-slot: a window already closed is said to be closed', async () => {
    const reply = await user().say('the client asked for a refund 10 days ago, how long do I have?');
    expect(reply).toMatch(/answer window has closed/);
    expect(reply).toMatch(/goes back to the client automatically/);
  });

  it('skip-known-slot: "I delivered it last week" is not followed by "did you deliver?"', async () => {
    const reply = await user().say(
      'my contract is still ongoing, I delivered it last week but the client will not release the milestone',
    );
    expect(reply).toMatch(/Customer Support/);
    expect(reply).not.toMatch(/did you deliver/);
    expect(reply).toMatch(/Which milestone is it/);
  });

  it('correction: "no wait, that was 6 days ago" recomputes the deadline and shows the change', async () => {
    const { say } = user();
    await say('my client ended the contract and asked for a refund');
    expect(await say('3 days ago')).toMatch(/4 days left/);
    const corrected = await say('no wait, that was 6 days ago');
    expect(corrected).toMatch(/Updated: the refund request arrived/);
    expect(corrected).toMatch(/1 day left/);
    expect(corrected).not.toMatch(/4 days left/);
  });

  it('correction inside one message: "3 days ago, sorry, I mean 4 days ago" takes the corrected day', async () => {
    const reply = await user().say('the client asked for a refund 3 days ago, sorry, I mean 4 days ago');
    expect(reply).toMatch(/3 days left/);
  });

  it('correction inside one message: "not 8 days, 4 days since" and "9 days... no, 5" take the corrected count', async () => {
    expect(await user().say('not 8 days, 4 days since the refund request. when is the last day?')).toMatch(
      /3 days left/,
    );
    expect(await user().say("it's been 9 days since the refund request... no, 5. my deadline?")).toMatch(
      /2 days left/,
    );
  });

  it('skip-known-slot: one answer with several slots skips every question it answers', async () => {
    const { say } = user();
    expect(await say('am I covered?')).toMatch(/fixed-price contract or an hourly/);
    const reply = await say(
      'fixed price, it ended, $350 was in escrow, and he asked for a refund 2 days ago',
    );
    expect(reply).toMatch(/5 days left/);
    expect(reply).not.toMatch(/still active\?|money in escrow\?|refund request\)\?/);
  });

  it('correction: "hold on, it hasn\'t ended yet" switches to the active-contract route', async () => {
    const { say } = user();
    expect(await say('client closed the contract and wants the escrow back')).toMatch(ARRIVAL_PROMPT);
    const reply = await say("hold on, it hasn't ended yet");
    expect(reply).toMatch(/still active/);
    expect(reply).toMatch(/Customer Support/);
    expect(reply).not.toMatch(/yes or no/i);
  });

  it('digression: a question mid-flow is answered first, then the flow resumes where it was', async () => {
    const { say } = user();
    await say('client closed the contract and wants the escrow back');
    const answer = await say('who pays for arbitration?');
    expect(answer).toMatch(/split between you, the client and Upwork/);
    expect(answer).toMatch(/Back to where we were/);
    expect(answer).toMatch(ARRIVAL_PROMPT);
    expect(await say('yesterday')).toMatch(/6 days left/);
  });

  it('don\'t-know help: "where would I see that?" shows where the request is (P5) and a way forward', async () => {
    const { say } = user();
    await say('client closed the contract and wants the escrow back');
    const help = await say('where would I see that?');
    expect(help).toMatch(/notifications or your messages/);
    expect(help).toMatch(/not yet/);
    expect(help).not.toMatch(ARRIVAL_PROMPT);
    const notYet = await say('not yet');
    expect(notYet).toMatch(/come back to me as soon as it arrives/);
  });

  it('no-loop re-prompt: "no idea" twice, then an unreadable answer twice, never the same words again', async () => {
    const { say } = user();
    const prompt = await say('client closed the contract and wants the escrow back');
    const replies = [
      await say('no idea'),
      await say('still no idea'),
      await say('banana'),
      await say('banana'),
    ];
    expect(new Set(replies).size).toBe(replies.length);
    for (const reply of replies) expect(prompt).not.toContain(reply);
  });

  it.each([
    ["I'm on an hourly contract, is that included?", /hourly contract is not something I can guide/],
    ["I'm the client, how do I get my escrow money back?", /can't guide a client/],
    ['how much are the upwork service fees?', /service fees/],
    ['the client left me a bad review, can I dispute it?', /Reviews, ratings and feedback/],
    ['the client approved the milestone but the payment is still pending', /already approved/],
  ])('cannot-handle: "%s" says what is covered and where help is', async (text, reason) => {
    const reply = await user().say(text);
    expect(reply).toMatch(reason);
    expect(reply).toMatch(/Help Center/);
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).not.toMatch(HANDED_OFF);
  });

  it.each([
    ['is it better to message my client before filing?', /settle it with your client directly/],
    ['am I chatting with a bot?', /automated assistant/],
    ['we agreed on a landing page for $300', /ended, or is it still active/],
  ])('no unwanted hand-off: "%s"', async (text, expected) => {
    const replies = await user().replies(text);
    expect(textOf(replies)).toMatch(expected);
    expect(textOf(replies)).not.toMatch(HANDED_OFF);
    expect(replies.some((reply) => reply.name === 'handoff.initiate')).toBe(false);
  });

  it('hand-off when the user asks for a person', async () => {
    expect(await user().say('I want to talk to a real person')).toMatch(HANDED_OFF);
  });
});
