import { Activity, ActivityTypes, EventFactory, TurnContext } from 'botbuilder';
import { CaseSummary, headlineOf, summaryLines } from '../../services/handoff/caseSummary';
import type { HandoffWording } from '../../services/handoff/handoffWording';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { TranscriptEntry } from '../../services/handoff/TranscriptStore';

/** What a `handoff.initiate` event carries as its context, for whichever hub takes the conversation. */
export interface HandoffContext {
  caseId: string;
  queuedAt: string;
  caseSummary: CaseSummary & { headline: string; lines: string[] };
}

/** The Bot Framework `handoff.initiate` event for a case just queued: its summary, the transcript attached. */
export function handoffInitiation(
  context: TurnContext,
  queued: HandoffCase,
  transcript: TranscriptEntry[],
  wording: HandoffWording,
): Partial<Activity> {
  const { summary } = queued;
  const handoffContext: HandoffContext = {
    caseId: queued.id,
    queuedAt: queued.queuedAt,
    caseSummary: {
      ...summary,
      headline: headlineOf(summary, wording),
      lines: summaryLines(summary, wording),
    },
  };
  return EventFactory.createHandoffInitiation(context, handoffContext, {
    activities: transcript.map((entry) => transcriptActivity(entry, context.activity)),
  });
}

function transcriptActivity(entry: TranscriptEntry, current: Activity): Activity {
  const user = entry.role === 'user';
  return {
    type: ActivityTypes.Message,
    text: entry.text,
    timestamp: new Date(entry.at),
    channelId: current.channelId,
    conversation: current.conversation,
    from: user
      ? { ...current.from, role: 'user' }
      : {
          id: current.recipient?.id ?? 'bot',
          name: entry.role === 'agent' ? 'Support agent' : 'Assistant',
          role: 'bot',
        },
  } as Activity;
}
