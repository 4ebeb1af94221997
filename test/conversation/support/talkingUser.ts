import { BotConversation, textOf } from '../../support/botConversation';
import { RunningApp, startTestApp } from '../../support/testApp';

/** The ended filing's first question: asked again means what the user said was lost. */
export const ARRIVAL_PROMPT = /When did the client's refund request arrive/;

/**
 * One bot for the file (started before its tests, stopped after), and a new user on it per call:
 * each `user()` is its own conversation on the channel given, in New York's zone.
 */
export function talkingToTheBot(): (channelId?: string) => { say: (text: string) => Promise<string> } {
  let bot: RunningApp;
  beforeAll(async () => {
    bot = await startTestApp();
  });
  afterAll(async () => {
    await bot.stop();
  });
  return (channelId = 'webchat') => {
    const conversation = new BotConversation(bot.baseUrl, { channelId, localTimezone: 'America/New_York' });
    return { say: async (text: string) => textOf(await conversation.send(text)) };
  };
}
