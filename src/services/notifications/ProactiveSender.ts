import type { Activity, ConversationReference } from 'botbuilder';

/**
 * The one proactive sender: puts a message into a stored conversation outside the user's turn, and
 * rejects when it did not get there. A refusal that another try cannot change (the conversation or
 * the bot's place in it is gone, the address is refused) rejects with a PermanentJobError, so a
 * retried delivery (reminders, dispute updates) stops at once. The bot implements it.
 */
export interface ProactiveSender {
  send(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void>;
}
