import type { InfoContent } from '../replies/infoContent';
import type { PolicyContent } from '../content/PolicyContent';
import { say } from '../content/responses';
import type { Dispute } from '../disputes/schemas';
import { formatTimeLeft, formatUserDate } from '../time';
import type { ReminderJob } from './ReminderJob';

const HOUR_MS = 60 * 60 * 1000;

/**
 * The reminder: the deadline or the waiting recommendation, the policy behind it (P3, S1, P11, P12);
 * its own sentences are in content/responses.en.json.
 */
export function reminderMessage(
  job: ReminderJob,
  dispute: Dispute,
  content: PolicyContent,
  now: Date,
  timeZone: string,
): InfoContent {
  const ids = { id: dispute.id };
  const title = say('reminder.title', {}, ids);
  if (job.kind === 'deadline' && dispute.deadline) {
    const deadline = new Date(dispute.deadline);
    const hoursLeft = Math.trunc((deadline.getTime() - now.getTime()) / HOUR_MS);
    const left = formatTimeLeft({
      deadline,
      precision: 'time',
      passed: false,
      hoursLeft,
      daysLeft: Math.trunc(hoursLeft / 24),
    });
    return {
      title,
      lines: [
        say('reminder.deadline', {}, { date: formatUserDate(deadline, 'time', timeZone), left }),
        content.fact('P3'),
        say('reminder.finishSteps'),
        content.fact('S1'),
        say('reminder.howToStop'),
      ],
    };
  }
  return {
    title,
    lines: [
      say('reminder.recommendationWaiting', {}, ids),
      content.fact('P11'),
      say('reminder.acceptOrReject'),
      content.fact('P12'),
      say('reminder.howToStop'),
    ],
  };
}
