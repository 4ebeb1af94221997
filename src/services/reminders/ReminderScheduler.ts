import type { DisputeChange, DisputeService } from '../disputes/DisputeService';
import type { Logger } from '../logging/logger';
import type { JobQueue } from '../notifications/jobs/JobQueue';
import { settleWithin } from '../notifications/jobs/settleWithin';
import { ReminderJob, reminderJobId } from './ReminderJob';
import { plannedReminders } from './reminderPlan';
import type { ReminderSettings } from './ReminderSettings';

/**
 * Schedules reminders when a dispute changes (filed with a deadline, recommendation issued) as
 * delayed jobs with one id each, so they fire once whichever process scheduled them. Delays are
 * measured from the injected clock.
 */
export class ReminderScheduler {
  private readonly scheduling = new Set<Promise<void>>();
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly queue: JobQueue<ReminderJob>,
    private readonly settings: ReminderSettings,
    private readonly clock: () => Date,
    private readonly logger: Logger,
  ) {}

  attach(disputes: DisputeService): void {
    this.unsubscribe?.();
    this.unsubscribe = disputes.onChange((change) => this.schedule(change));
  }

  /** Queues the change's reminders and returns at once; a failure to queue is logged, never thrown. */
  schedule(change: DisputeChange): void {
    const jobs = plannedReminders(change, this.settings);
    if (jobs.length === 0) return;
    const scheduled = this.add(jobs)
      .catch((error: Error) =>
        this.logger.error(
          { event: 'reminder_schedule_failed', dispute: change.dispute.id, errorName: error.name },
          'Reminders could not be scheduled',
        ),
      )
      .finally(() => this.scheduling.delete(scheduled));
    this.scheduling.add(scheduled);
  }

  /** Stops listening and waits (bounded) for reminders being scheduled. */
  async detach(timeoutMs = 5000): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (!(await settleWithin(this.scheduling, timeoutMs))) {
      this.logger.error(
        { event: 'reminder_schedule_unfinished', pending: this.scheduling.size },
        'Reminders were still being scheduled at exit',
      );
    }
  }

  private async add(jobs: ReminderJob[]): Promise<void> {
    const now = this.clock().getTime();
    for (const job of jobs) {
      const delayMs = Date.parse(job.dueAt) - now;
      // A moment already gone (a deadline closer than the offset) would only repeat a later reminder.
      if (delayMs < 0) continue;
      await this.queue.add(reminderJobId(job), job, delayMs);
      this.logger.info(
        {
          event: 'reminder_scheduled',
          dispute: job.disputeId,
          kind: job.kind,
          number: job.number,
          dueAt: job.dueAt,
        },
        'Reminder scheduled',
      );
    }
  }
}
