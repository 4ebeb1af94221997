import {
  Activity,
  ActivityTypes,
  BotAdapter,
  CloudAdapter,
  ConversationReference,
  TurnContext,
} from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { PermanentJobError } from '../services/notifications/jobs/JobQueue';
import type { ProactiveSender } from '../services/notifications/ProactiveSender';
import { IN_PROCESS_SERVICE_URL, ServiceUrlCheck } from '../services/network/serviceUrlPolicy';

// The channel says the conversation or the bot's place in it is gone: another try gives the same answer.
const PERMANENT_STATUSES = new Set([400, 401, 403, 404]);

/** A channel served in this process (the local Direct Line): its own adapter, and how it posts. */
export interface InProcessChannel {
  readonly adapter: BotAdapter;
  /** Writes the message into its conversation; rejects (statusCode 404) when that is gone. */
  postFromBot(activity: Partial<Activity>): Promise<void>;
}

/** A stored reference names a place the bot may not send to; 403, so it is never retried. */
class ServiceUrlRefusedError extends Error {
  readonly statusCode = 403;

  constructor(reason: string) {
    super(`Not sent: ${reason}`);
    this.name = 'ServiceUrlRefusedError';
  }
}

type Outcome = { sent: true } | { sent: false; error: unknown };

/**
 * The proactive sender (ProactiveSender) over the bot's adapters, whose promise tells the truth, for deliveries that are retried. A plain
 * `context.sendActivity` in a proactive turn cannot promise that: the turn middleware may hold the
 * reply until after the turn, a failure then goes to the adapter's onTurnError (which logs it and
 * sends an apology), and continueConversation resolves anyway. So the message is posted directly
 * (the turn's own connector client, or the in-process channel), where a refusal is caught, and a turn
 * the middleware stopped before it ran counts as not delivered. A reference whose serviceUrl the
 * policy refuses is never called: stored data cannot make the bot send anywhere else.
 */
export class AdapterProactiveSender implements ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly checkServiceUrl: ServiceUrlCheck,
    private readonly inProcess?: InProcessChannel,
  ) {
    if (!adapter) throw new Error('AdapterProactiveSender needs the adapter');
    if (!checkServiceUrl) throw new Error('AdapterProactiveSender needs the serviceUrl policy');
  }

  async send(reference: Partial<ConversationReference>, message: Partial<Activity>): Promise<void> {
    try {
      await this.deliver(reference, message);
    } catch (error) {
      throw permanentWhenFinal(error);
    }
  }

  private async deliver(
    reference: Partial<ConversationReference>,
    message: Partial<Activity>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference(
      { type: ActivityTypes.Message, ...message },
      reference,
    ) as Activity;
    if (reference.serviceUrl === IN_PROCESS_SERVICE_URL) {
      const channel = this.inProcess;
      if (!channel) throw new ServiceUrlRefusedError('the local Direct Line is off in this process');
      return this.inProactiveTurn(
        (logic) => channel.adapter.continueConversation(reference, logic),
        () => channel.postFromBot(activity),
      );
    }
    const refused = this.checkServiceUrl(reference.serviceUrl);
    if (refused) throw new ServiceUrlRefusedError(refused);
    return this.inProactiveTurn(
      (logic) => this.adapter.continueConversationAsync(this.botAppId, reference, logic),
      async (context) => {
        const client = context.turnState.get<ConnectorClient>(this.adapter.ConnectorClientKey);
        await client.conversations.sendToConversation(activity.conversation.id, activity);
      },
    );
  }

  private async inProactiveTurn(
    continueWith: (logic: (context: TurnContext) => Promise<void>) => Promise<void>,
    post: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let outcome: Outcome | undefined;
    await continueWith(async (context) => {
      try {
        await post(context);
        outcome = { sent: true };
      } catch (error) {
        outcome = { sent: false, error };
      }
    });
    const settled = outcome as Outcome | undefined;
    if (!settled) throw new Error('The proactive turn ended before the message was sent');
    if (!settled.sent) throw settled.error;
  }
}

/** An answer that retrying cannot change becomes a PermanentJobError (its status code kept). */
function permanentWhenFinal(error: unknown): unknown {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status !== 'number' || !PERMANENT_STATUSES.has(status)) return error;
  const permanent = new PermanentJobError(`The channel refused the message (HTTP ${status})`);
  return Object.assign(permanent, { statusCode: status });
}
