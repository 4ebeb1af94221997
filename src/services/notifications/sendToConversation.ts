import type { Activity, ConversationReference } from 'botbuilder';
import { PermanentJobError } from './jobs/JobQueue';
import type { MessageSender } from './DeliveringMessenger';

// The channel says the conversation or the bot's place in it is gone: another try gives the same answer.
const PERMANENT_STATUSES = new Set([400, 401, 403, 404]);

/** Sends a proactive message; an answer that retrying cannot change becomes a PermanentJobError. */
export async function sendToConversation(
  messenger: MessageSender,
  reference: Partial<ConversationReference>,
  message: Partial<Activity>,
): Promise<void> {
  try {
    await messenger.send(reference, message);
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && PERMANENT_STATUSES.has(status)) {
      const permanent = new PermanentJobError(`The channel refused the message (HTTP ${status})`);
      throw Object.assign(permanent, { statusCode: status });
    }
    throw error;
  }
}
