import { Activity, ActivityTypes, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';

/** Anything that sends a message into a stored conversation and rejects when it did not get there. */
export interface MessageSender {
  send(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void>;
}

/**
 * A proactive sender whose promise tells the truth, for deliveries that are retried. A plain
 * `context.sendActivity` in a proactive turn cannot promise that: the turn middleware may hold the
 * reply until after the turn, a failure then goes to the adapter's onTurnError (which logs it and
 * sends an apology), and continueConversationAsync resolves anyway. So the message is posted with
 * the turn's own connector client, where a refusal is caught, and a turn the middleware stopped
 * before it ran counts as not delivered.
 */
export class DeliveringMessenger implements MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
  ) {
    if (!adapter) throw new Error('DeliveringMessenger needs the adapter');
  }

  async send(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void> {
    let outcome: { sent: true } | { sent: false; error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
      try {
        const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
        const activity = TurnContext.applyConversationReference(
          { type: ActivityTypes.Message, ...message },
          reference,
        ) as Activity;
        await client.conversations.sendToConversation(activity.conversation.id, activity);
        outcome = { sent: true };
      } catch (error) {
        outcome = { sent: false, error };
      }
    });
    if (!outcome) throw new Error('The proactive turn ended before the message was sent');
    if (!outcome.sent) throw outcome.error;
  }
}
