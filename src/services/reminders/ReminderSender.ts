import type { PolicyContent } from '../content/PolicyContent';
import type { DisputeService } from '../disputes/DisputeService';
import type { Logger } from '../logging/logger';
import type { JobHandler } from '../notifications/jobs/JobQueue';
import type { ProactiveSender } from '../notifications/ProactiveSender';
import type { ReplyRenderer } from '../notifications/ReplyRenderer';
import type { ReminderJob } from './ReminderJob';
import { reminderMessage } from './reminderMessage';
import { reminderSkipReason } from './reminderSkipReason';

export interface ReminderSenderDependencies {
  readonly disputes: DisputeService;
  readonly sender: ProactiveSender;
  /** Draws the reminder for the conversation's channel. */
  readonly renderer: ReplyRenderer;
  readonly content: PolicyContent;
  readonly clock: () => Date;
  /** Deadlines are shown in this zone (the stored reference does not carry the user's). */
  readonly timeZone: string;
  readonly logger: Logger;
}

/** The reminder queue's handler: re-reads the dispute, sends the reminder unless it no longer applies. */
export function reminderSender(deps: ReminderSenderDependencies): JobHandler<ReminderJob> {
  return async (job, attempt) => {
    const dispute = await deps.disputes.getById(job.disputeId);
    const now = deps.clock();
    const skip = reminderSkipReason(dispute, job, now);
    const where = { dispute: job.disputeId, kind: job.kind, number: job.number };
    if (skip || !dispute?.conversationReference) {
      deps.logger.info({ event: 'reminder_skipped', reason: skip, ...where }, 'Reminder no longer applies');
      return;
    }
    const reference = dispute.conversationReference;
    const message = deps.renderer.info(
      reference.channelId ?? '',
      reminderMessage(job, dispute, deps.content, now, deps.timeZone),
    );
    await deps.sender.send(reference, message);
    deps.logger.info({ event: 'reminder_sent', attempt, ...where }, 'Reminder delivered');
  };
}
