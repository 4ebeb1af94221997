import { randomUUID } from 'node:crypto';
import type { ScriptedTurn } from './scenarios';

/** The channel the simulated users are on: Web Chat, the assistant's main channel (cards and all). */
export const BENCH_CHANNEL = 'webchat';

/**
 * The activity Web Chat would post for a scripted turn, with deliveryMode expectReplies (the answers
 * come back in the response body), the send time and the user's zone, as the assistant expects.
 */
export function activityFor(
  turn: ScriptedTurn,
  conversationId: string,
  userId: string,
  timeZone: string,
): Record<string, unknown> {
  const common = {
    id: randomUUID(),
    channelId: BENCH_CHANNEL,
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: conversationId },
    from: { id: userId, name: 'Bench User' },
    recipient: { id: 'bot', name: 'Dispute Assistant' },
    deliveryMode: 'expectReplies',
    timestamp: new Date().toISOString(),
    localTimezone: timeZone,
    locale: 'en-US',
  };
  return turn.kind === 'join'
    ? { ...common, type: 'conversationUpdate', membersAdded: [{ id: userId }] }
    : { ...common, type: 'message', text: turn.text };
}
