import { Activity, ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';

/**
 * Botbuilder middleware that keeps the text of every message in and out of a turn (the user's and
 * the assistant's) so a person taking over can read what was said. Proactive messages (an agent's
 * reply, notices) bypass the turn pipeline; HandoffService records those it sends itself.
 * A failure to record is reported and never fails the user's turn.
 */
export class TranscriptRecorder implements Middleware {
  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly reportError: (error: unknown) => void,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (conversationId) {
      await this.record(conversationId, [entryOf(context.activity, 'user')]);
      context.onSendActivities(async (_context, activities, sendNext) => {
        const sent = await sendNext();
        await this.record(
          conversationId,
          activities.map((activity) => entryOf(activity, 'bot')),
        );
        return sent;
      });
    }
    await next();
  }

  private async record(conversationId: string, entries: Array<TranscriptEntry | undefined>): Promise<void> {
    const kept = entries.filter((entry): entry is TranscriptEntry => entry !== undefined);
    try {
      await this.transcripts.append(conversationId, kept);
    } catch (error) {
      this.reportError(error);
    }
  }
}

function entryOf(activity: Partial<Activity>, role: TranscriptEntry['role']): TranscriptEntry | undefined {
  const text = activity.type === ActivityTypes.Message ? activity.text?.trim() : undefined;
  if (!text) return undefined;
  // The server's clock, not the activity's timestamp: a client's clock may be anywhere.
  return { role, text, at: new Date().toISOString() };
}
