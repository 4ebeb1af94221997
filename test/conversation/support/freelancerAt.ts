import { randomUUID } from 'node:crypto';
import { BotConversation, textOf } from '../../support/botConversation';
import type { RunningApp } from '../../support/testApp';

/**
 * A new freelancer on webchat whose clock reads `localNow` (an ISO time with its New York offset) on
 * every message, so "last thursday" and the deadline are the same on every run. Returns `say`.
 */
export function freelancerAt(bot: RunningApp, localNow: string): (text: string) => Promise<string> {
  const conversation = new BotConversation(bot.baseUrl, {
    channelId: 'webchat',
    localTimezone: 'America/New_York',
  });
  return async (text) =>
    textOf(
      await conversation.send(text, {
        id: randomUUID(),
        timestamp: new Date(localNow).toISOString(),
        localTimestamp: localNow,
      }),
    );
}
