/** The stage a reminder is about; it is sent only while the dispute is still there. */
export type ReminderKind = 'deadline' | 'recommendation';

/** A scheduled reminder as stored in the queue: only ids and times, the dispute is read when it fires. */
export interface ReminderJob {
  readonly disputeId: string;
  readonly kind: ReminderKind;
  /** When it was meant to fire (ISO), for logs and the message. */
  readonly dueAt: string;
  /** Which reminder of its kind this is (1 = first), so each has its own job id. */
  readonly number: number;
}

/** One job id per dispute and reminder: however many processes schedule it, it exists once. */
export function reminderJobId(job: ReminderJob): string {
  return `reminder.${job.disputeId}.${job.kind}.${job.number}`;
}
