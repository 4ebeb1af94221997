import { BotConversation, ReplyActivity, textOf } from '../../support/botConversation';

export interface TimedTurn {
  text: string;
  replies: ReplyActivity[];
  elapsedMs: number;
}

/** One turn over HTTP and how long the user waited for its answer. */
export async function timedTurn(conversation: BotConversation, message: string): Promise<TimedTurn> {
  const started = Date.now();
  const replies = await conversation.send(message);
  return { text: textOf(replies), replies, elapsedMs: Date.now() - started };
}

/** The short apology a turn gets when Redis cannot be reached (turnApology). */
export const STORAGE_APOLOGY = /can't reach my records right now/;
