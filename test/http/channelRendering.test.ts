import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';

let running: RunningApp;

beforeAll(async () => {
  running = await startTestApp();
});

afterAll(async () => {
  await running.stop();
});

const hasAdaptiveCard = (replies: ReplyActivity[]) =>
  replies.some((reply) =>
    (reply.attachments ?? []).some((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'),
  );

/** One question of each kind, asked over HTTP on each channel. */
const QUESTIONS: Array<[string, RegExp]> = [
  ['how do I file a dispute on an ended contract', /7 days[\s\S]*refund request arrive/],
  ['my milestone is not released but the contract is active', /Customer Support/],
  ['where do I see my disputes', /Help Center/],
  ['what happens after mediation fails?', /binding arbitration/],
  ['hello', /What would you like to do/],
];

describe.each(['webchat', 'msteams', 'slack'])('on channel %s', (channelId) => {
  it.each(QUESTIONS)('"%s" is answered with the right facts', async (question, expected) => {
    const replies = await new BotConversation(running.baseUrl, { channelId }).send(question);
    expect(textOf(replies)).toMatch(expected);
    expect(replies.every((reply) => reply.type !== 'message' || (reply.text ?? '').length > 0)).toBe(true);
  });

  // One form of choices per channel: Web Chat used to get a card as well as suggested actions.
  it('renders the menu the way the channel shows it, each choice once', async () => {
    const replies = await new BotConversation(running.baseUrl, { channelId }).send('hi');
    expect(hasAdaptiveCard(replies)).toBe(channelId === 'msteams');
    const suggested = replies.some((reply) => (reply.suggestedActions?.actions ?? []).length > 0);
    expect(suggested).toBe(channelId === 'webchat');
    const numbered = /1\. Is my situation covered\?/.test(textOf(replies));
    expect(numbered).toBe(channelId === 'slack');
  });
});

describe('no Adaptive Card ever reaches Slack', () => {
  it('across a whole eligibility conversation', async () => {
    const conversation = new BotConversation(running.baseUrl, { channelId: 'slack' });
    for (const text of ['am I covered?', '1', '2', '1']) {
      expect(hasAdaptiveCard(await conversation.send(text))).toBe(false);
    }
  });
});

describe('a card button press on Teams (a value, no text)', () => {
  const press = (choice: string, title: string) => ({ type: 'message', value: { choice, title } });

  it('picks the choice the card offered', async () => {
    const teams = new BotConversation(running.baseUrl, { channelId: 'msteams' });
    await teams.send('hi');
    const replies = await teams.post(press('my_disputes', 'My disputes'));
    expect(textOf(replies)).toMatch(/Help Center/);
  });

  it('reads a press on an older card, whose choices are no longer on offer, as its title', async () => {
    const teams = new BotConversation(running.baseUrl, { channelId: 'msteams' });
    await teams.send('hi');
    await teams.send('what happens after mediation fails?');
    const replies = await teams.post(press('my_disputes', 'My disputes'));
    expect(textOf(replies)).toMatch(/Help Center/);
  });
});
