import type { AppConfig } from '../../config/configSchema';
import type { PolicyContent } from '../content/PolicyContent';
import type { DisputeService } from '../disputes/DisputeService';
import type { Logger } from '../logging/logger';
import type { DisputeNotice } from './DisputeNotice';
import { DisputeNotifier } from './DisputeNotifier';
import type { JobQueue, JobQueues } from './jobs/JobQueue';
import type { ProactiveSender } from './ProactiveSender';
import type { ReplyRenderer } from './ReplyRenderer';

const NOTIFICATION_QUEUE = 'dispute-notifications';

export interface DisputeNotifications {
  readonly queue: JobQueue<DisputeNotice>;
  readonly notifier: DisputeNotifier;
  stop(): Promise<void>;
}

export interface DisputeNotificationDependencies {
  readonly config: AppConfig;
  readonly logger: Logger;
  /** BullMQ on Redis or timers in this process, as the storage mode says. */
  readonly jobQueues: JobQueues;
  readonly disputes: DisputeService;
  readonly sender: ProactiveSender;
  readonly content: PolicyContent;
  /** Draws each notice for the conversation's channel. */
  readonly renderer: ReplyRenderer;
}

/** Wires the notifier to the dispute service, on BullMQ with Redis or in-process without. */
export function startDisputeNotifications(deps: DisputeNotificationDependencies): DisputeNotifications {
  const { config, logger } = deps;
  const queue = deps.jobQueues<DisputeNotice>(
    NOTIFICATION_QUEUE,
    { attempts: config.NOTIFICATION_ATTEMPTS, backoffMs: config.NOTIFICATION_BACKOFF_MS },
    DisputeNotifier.delivery(deps.sender, deps.content, logger, deps.renderer),
  );
  const notifier = new DisputeNotifier(queue, logger);
  notifier.attach(deps.disputes);
  return {
    queue,
    notifier,
    stop: async () => {
      await notifier.detach();
      await queue.close();
    },
  };
}
