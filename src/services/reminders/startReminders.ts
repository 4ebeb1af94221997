import type { AppConfig } from '../../config/configSchema';
import type { PolicyContent } from '../content/PolicyContent';
import type { DisputeService } from '../disputes/DisputeService';
import type { Logger } from '../logging/logger';
import type { JobQueue, JobQueues } from '../notifications/jobs/JobQueue';
import type { ProactiveSender } from '../notifications/ProactiveSender';
import type { ReplyRenderer } from '../notifications/ReplyRenderer';
import type { ReminderJob } from './ReminderJob';
import { ReminderScheduler } from './ReminderScheduler';
import { reminderSender } from './ReminderSender';
import type { ReminderSettings } from './ReminderSettings';

const REMINDER_QUEUE = 'dispute-reminders';

export interface Reminders {
  readonly queue: JobQueue<ReminderJob>;
  readonly scheduler: ReminderScheduler;
  stop(): Promise<void>;
}

export interface ReminderDependencies {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** BullMQ on Redis or timers in this process, as the storage mode says. */
  readonly jobQueues: JobQueues;
  readonly disputes: DisputeService;
  readonly sender: ProactiveSender;
  /** Draws each reminder for the conversation's channel. */
  readonly renderer: ReplyRenderer;
  readonly content: PolicyContent;
  /** The time reminders are scheduled from and checked against (tests pass their own). */
  readonly clock?: () => Date;
}

export function reminderSettingsOf(config: AppConfig): ReminderSettings {
  return {
    beforeDeadlineMs: config.REMINDERS_BEFORE_DEADLINE,
    afterRecommendationMs: config.REMINDER_AFTER_RECOMMENDATION,
    recommendationRepeatMs: config.REMINDER_RECOMMENDATION_REPEAT,
    recommendationMaxCount: config.REMINDER_RECOMMENDATION_MAX,
  };
}

/**
 * Schedules reminders on dispute changes and sends them when due: BullMQ delayed jobs with Redis
 * (every process runs a worker; each reminder fires once), timers in this process without.
 */
export function startReminders(deps: ReminderDependencies): Reminders {
  const { config, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const queue = deps.jobQueues<ReminderJob>(
    REMINDER_QUEUE,
    // A reminder that cannot be delivered is retried like a notification.
    { attempts: config.NOTIFICATION_ATTEMPTS, backoffMs: config.NOTIFICATION_BACKOFF_MS },
    reminderSender({
      disputes: deps.disputes,
      sender: deps.sender,
      renderer: deps.renderer,
      content: deps.content,
      clock,
      timeZone: config.DEFAULT_TIME_ZONE,
      logger,
    }),
  );
  const scheduler = new ReminderScheduler(queue, reminderSettingsOf(config), clock, logger);
  scheduler.attach(deps.disputes);
  return {
    queue,
    scheduler,
    stop: async () => {
      await scheduler.detach();
      await queue.close();
    },
  };
}
