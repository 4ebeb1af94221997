import { BotConversation, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';

/**
 * General fixes made after the blind2 batch of the evaluation set (eval/README.md): each a
 * behaviour a user would notice, told in new sentences (never the batch's own), run against the
 * whole bot over HTTP.
 */
const ARRIVAL_PROMPT = /When did the client's refund request arrive/;

let bot: RunningApp;

beforeAll(async () => {
  bot = await startTestApp();
});

afterAll(async () => {
  await bot.stop();
});

function user(channelId = 'webchat') {
  const conversation = new BotConversation(bot.baseUrl, { channelId, localTimezone: 'America/New_York' });
  return { say: async (text: string) => textOf(await conversation.send(text)) };
}

describe('a refund day inside a longer sentence', () => {
  it('"closed by my client yesterday" is read as yesterday, not lost to the word "by"', async () => {
    const reply = await user().say('the job was closed by my client yesterday and he asked for a refund too');
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/6 days left/);
  });

  it('"wants the money back since yesterday" dates the request to yesterday', async () => {
    const reply = await user().say('contract ended, the client wants the money back since yesterday');
    expect(reply).not.toMatch(ARRIVAL_PROMPT);
    expect(reply).toMatch(/6 days left/);
  });

  it('"three days back" answers the date prompt like "three days ago"', async () => {
    const { say } = user();
    expect(await say('my client ended the contract and asked for a refund')).toMatch(ARRIVAL_PROMPT);
    const reply = await say('it landed three days back');
    expect(reply).toMatch(/4 days left/);
    expect(reply).not.toMatch(/couldn't find a date/);
  });
});
