import type { Dispute } from '../../services/disputes/schemas';
import { formatUserDate } from '../../services/time';
import type { PolicyContent } from '../../services/content/PolicyContent';
import { say } from '../../services/content/responses';
import { stageGuide } from './stageGuide';

/** One line per dispute for the list: reference, stage, deadline. */
export function disputeListLine(dispute: Dispute, content: PolicyContent, timeZone: string): string {
  const { label } = stageGuide(dispute.stage, content);
  if (!dispute.deadline) return say('disputes.listLine', content.values, { id: dispute.id, stage: label });
  return say('disputes.listLineDeadline', content.values, {
    id: dispute.id,
    stage: label,
    deadline: formatUserDate(new Date(dispute.deadline), 'time', timeZone),
  });
}

/** The dispute's history, oldest first, in the user's time zone. */
export function disputeTimeline(dispute: Dispute, content: PolicyContent, timeZone: string): string[] {
  return dispute.history.map((entry) => {
    const when = formatUserDate(new Date(entry.at), 'time', timeZone);
    const stage =
      entry.to && entry.event === 'stage_changed' ? `: ${stageGuide(entry.to, content).label}` : '';
    return `${when}: ${say(`disputes.event.${entry.event}`, content.values)}${stage}`;
  });
}
