import type { Dispute, HistoryEntry } from '../../services/disputes/schemas';
import { formatUserDate } from '../../services/time';
import type { PolicyContent } from '../../services/content/PolicyContent';
import { stageGuide } from './stageGuide';

/** One line per dispute for the list: reference, stage, deadline. */
export function disputeListLine(dispute: Dispute, content: PolicyContent, timeZone: string): string {
  const { label } = stageGuide(dispute.stage, content);
  const deadline = dispute.deadline
    ? `, refund-request deadline ${formatUserDate(new Date(dispute.deadline), 'time', timeZone)}`
    : '';
  return `${dispute.id}: ${label}${deadline}`;
}

const EVENT_WORDING: Record<HistoryEntry['event'], string> = {
  filed: 'Recorded',
  stage_changed: 'Stage changed',
  withdrawn: 'Withdrawn',
  detail_added: 'Details added',
  reminders_changed: 'Reminder setting changed',
  recommendation_issued: 'Recommendation issued',
  recommendation_response: 'Answer to the recommendation recorded',
  client_unresponsive: 'The client did not respond to the mediation specialist',
  decision_recorded: 'Arbitration decision recorded',
};

/** The dispute's history, oldest first, in the user's time zone. */
export function disputeTimeline(dispute: Dispute, content: PolicyContent, timeZone: string): string[] {
  return dispute.history.map((entry) => {
    const when = formatUserDate(new Date(entry.at), 'time', timeZone);
    const stage =
      entry.to && entry.event === 'stage_changed' ? `: ${stageGuide(entry.to, content).label}` : '';
    return `${when}: ${EVENT_WORDING[entry.event]}${stage}`;
  });
}
