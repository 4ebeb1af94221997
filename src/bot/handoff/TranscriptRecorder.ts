import { Activity, ActivityTypes, Middleware, TurnContext } from 'botbuilder';
import { heldRepliesOf } from '../../services/resilience/HeldReplies';
import { turnWritesOf } from '../../services/storage/TurnWrites';
import type { TranscriptEntry, TranscriptStore } from '../../services/handoff/TranscriptStore';

/** Set on a reply whose line was written with the turn's save, so it is not written again when sent. */
const IN_TRANSCRIPT = Symbol('inTranscript');

type RecordedActivity = Partial<Activity> & { [IN_TRANSCRIPT]?: true };

/**
 * Botbuilder middleware that keeps the text of every message in and out of a turn (the user's and
 * the assistant's) so a person taking over can read what was said. Proactive messages (an agent's
 * reply, notices) bypass the turn pipeline; ProactiveCaseMessenger records those it sends itself.
 * A failure to record is reported and never fails the user's turn.
 *
 * The user's line and the replies held for sending (HeldReplies) are written as one of the turn's
 * writes (TurnWrites), in the same round trip as the bot state save. Replies sent outside that
 * (an apology after a failure, or without HeldReplies) are written when sent. A turn that loses an
 * eTag race and runs again (two processes, one conversation, same moment) leaves the lines of its
 * first run, whose replies were never sent; writing them only after the save would cost every turn
 * a round trip.
 */
export class TranscriptRecorder implements Middleware {
  constructor(
    private readonly transcripts: TranscriptStore,
    private readonly reportError: (error: unknown) => void,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (conversationId) {
      const userLine = entryOf(context.activity, 'user');
      turnWritesOf(context).add(() => {
        const held = (heldRepliesOf(context)?.held() ?? []) as RecordedActivity[];
        for (const reply of held) reply[IN_TRANSCRIPT] = true;
        return this.record(conversationId, [userLine, ...held.map((reply) => entryOf(reply, 'bot'))]);
      });
      context.onSendActivities(async (_context, activities, sendNext) => {
        const sent = await sendNext();
        // Held replies are copied on release, the mark with them (own enumerable symbol).
        const unrecorded = (activities as RecordedActivity[]).filter((activity) => !activity[IN_TRANSCRIPT]);
        await this.record(
          conversationId,
          unrecorded.map((activity) => entryOf(activity, 'bot')),
        );
        return sent;
      });
    }
    await next();
  }

  private async record(conversationId: string, entries: Array<TranscriptEntry | undefined>): Promise<void> {
    const kept = entries.filter((entry): entry is TranscriptEntry => entry !== undefined);
    if (kept.length === 0) return;
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
