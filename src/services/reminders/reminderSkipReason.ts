import type { Dispute } from '../disputes/schemas';
import type { ReminderJob } from './ReminderJob';

export type ReminderSkipReason =
  | 'dispute_missing'
  | 'no_conversation'
  | 'reminders_off'
  | 'stage_moved'
  | 'already_answered'
  | 'deadline_passed';

/**
 * Why a reminder that is due must not be sent, read from the dispute as it is now; undefined when
 * it should go. The user's switch (remindersEnabled) is honoured here, at firing time.
 */
export function reminderSkipReason(
  dispute: Dispute | undefined,
  job: ReminderJob,
  now: Date,
): ReminderSkipReason | undefined {
  if (!dispute) return 'dispute_missing';
  if (!dispute.conversationReference) return 'no_conversation';
  if (!dispute.remindersEnabled) return 'reminders_off';
  if (job.kind === 'deadline') {
    // Once mediation starts the refund request has been answered; the window no longer matters.
    if (dispute.stage !== 'filed') return 'stage_moved';
    if (!dispute.deadline || Date.parse(dispute.deadline) <= now.getTime()) return 'deadline_passed';
    return undefined;
  }
  if (dispute.stage !== 'recommendation_issued') return 'stage_moved';
  if (dispute.recommendation?.responses.freelancer) return 'already_answered';
  return undefined;
}
