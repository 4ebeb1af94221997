import type { Logger } from '../../logging/logger';
import { BullJobQueue, bullKeyPrefix } from './BullJobQueue';
import { InProcessJobQueue } from './InProcessJobQueue';
import type { JobHandler, JobQueue, RetryPolicy } from './JobQueue';

export interface JobQueueSettings {
  readonly name: string;
  readonly policy: RetryPolicy;
  readonly logger: Logger;
  /** Set: BullMQ on this Redis; unset: the in-process queue (embedded mode). */
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
}

/** The queue that fits the storage mode, so callers need not know which one runs. */
export function createJobQueue<T>(settings: JobQueueSettings, handler: JobHandler<T>): JobQueue<T> {
  const { name, policy, logger, redisUrl, redisKeyPrefix } = settings;
  return redisUrl
    ? new BullJobQueue<T>({ name, redisUrl, prefix: bullKeyPrefix(redisKeyPrefix), policy, handler, logger })
    : new InProcessJobQueue<T>({ name, policy, handler, logger });
}
