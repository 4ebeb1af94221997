import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';

/**
 * Sends a message into a conversation outside a user's turn (an agent's reply, a dispute update, a
 * reminder) through the stored ConversationReference, as Bot Framework proactive messaging requires.
 */
export class ProactiveMessenger {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {
    if (!adapter) throw new Error('ProactiveMessenger needs the adapter');
  }

  async send(reference: Partial<ConversationReference>, message: Partial<Activity> | string): Promise<void> {
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      await context.sendActivity(message);
    });
  }
}
