import type { InfoContent } from '../replies/infoContent';
import type { PolicyContent } from '../content/PolicyContent';
import type { Dispute } from '../disputes/schemas';
import { formatTimeLeft, formatUserDate } from '../time';
import type { ReminderJob } from './ReminderJob';

const HOUR_MS = 60 * 60 * 1000;
const HOW_TO_STOP =
  'To stop these reminders, open the dispute under “My disputes” and choose “Turn reminders off”.';

/** The reminder's wording: the deadline or the waiting recommendation, the policy behind it (P3, S1, P11, P12). */
export function reminderMessage(
  job: ReminderJob,
  dispute: Dispute,
  content: PolicyContent,
  now: Date,
  timeZone: string,
): InfoContent {
  const title = `Reminder: dispute ${dispute.id}`;
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
        `The window to answer your client’s refund request closes on ${formatUserDate(deadline, 'time', timeZone)} (${left}).`,
        content.fact('P3'),
        'If you have not finished the dispute steps on the platform yet, do it before then.',
        content.fact('S1'),
        HOW_TO_STOP,
      ],
    };
  }
  return {
    title,
    lines: [
      `The mediation specialist’s recommendation on dispute ${dispute.id} is still waiting for your answer.`,
      content.fact('P11'),
      'What to do next: you can accept the recommendation or reject it.',
      content.fact('P12'),
      HOW_TO_STOP,
    ],
  };
}
