import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  Activity,
  ActivityEventNames,
  ActivityTypes,
  BotAdapter,
  ConversationReference,
  ResourceResponse,
  TurnContext,
} from 'botbuilder';

/** Writes a bot activity into a conversation's log; undefined when the conversation is gone. */
export type ConversationWriter = (
  conversationId: string,
  activity: Partial<Activity>,
) => Promise<string | undefined>;

/** The local conversation is unknown or expired; 404 as a connector would answer, so nobody retries. */
export class LocalConversationGoneError extends Error {
  readonly statusCode = 404;

  constructor() {
    super('The local Direct Line conversation does not exist or has expired');
    this.name = 'LocalConversationGoneError';
  }
}

/** Web Chat waits for a "delay" activity; a longer pause than this is a bug, not a pacing choice. */
const MAX_DELAY_MS = 10_000;

/**
 * The local Direct Line's bot adapter: turns run in this process, with the same middleware and bot as
 * the HTTP adapter, and what the bot sends is written straight into the conversation log. Nothing is
 * sent over HTTP, so there is no reply route for anyone outside to post to.
 */
export class LocalDirectLineAdapter extends BotAdapter {
  constructor(private readonly write: ConversationWriter) {
    super();
    if (!write) throw new Error('LocalDirectLineAdapter needs a conversation writer');
  }

  /** Runs one turn for an activity the channel built (never one a caller posted as is). */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>) {
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        await sleep(Math.min(typeof activity.value === 'number' ? activity.value : 1000, MAX_DELAY_MS));
        responses.push({ id: '' });
      } else if (activity.type === ActivityTypes.InvokeResponse || activity.type === ActivityTypes.Trace) {
        // Neither is shown to the user: Web Chat has no invokes, and traces are for the Emulator.
        responses.push({ id: '' });
      } else {
        const id = await this.write(activity.conversation?.id ?? context.activity.conversation.id, activity);
        if (!id) throw new LocalConversationGoneError();
        responses.push({ id });
      }
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('The local Direct Line cannot update a sent activity');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('The local Direct Line cannot delete a sent activity');
  }

  /** A proactive turn in a stored conversation, through the same middleware as every other turn. */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    // As botbuilder's own continuation activity: a fresh id, so no middleware takes it for a redelivery.
    const activity: Partial<Activity> = {
      type: ActivityTypes.Event,
      name: ActivityEventNames.ContinueConversation,
      id: randomUUID(),
      channelId: reference.channelId,
      locale: reference.locale,
      serviceUrl: reference.serviceUrl,
      conversation: reference.conversation,
      recipient: reference.bot,
      from: reference.user,
      relatesTo: reference as ConversationReference,
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }
}
