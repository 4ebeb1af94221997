import { Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import type { Logger } from '../../logging/logger';
import { describeError } from './describeError';
import { settleWithin } from './settleWithin';
import { FailedJob, JobHandler, JobQueue, PermanentJobError, RetryPolicy } from './JobQueue';

const DAY_SECONDS = 24 * 60 * 60;

export interface BullJobQueueOptions<T> {
  readonly name: string;
  readonly redisUrl: string;
  /** BullMQ's key prefix; see bullKeyPrefix(). */
  readonly prefix: string;
  readonly handler: JobHandler<T>;
  readonly policy: RetryPolicy;
  readonly logger: Logger;
  readonly concurrency?: number;
  /** How long close() waits for the worker and Redis before it disconnects anyway. */
  readonly closeTimeoutMs?: number;
}

/** BullMQ keys under the bot's prefix; the hash tag keeps one queue's keys in one Redis Cluster slot. */
export function bullKeyPrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}:{jobs}`;
}

/**
 * The Redis JobQueue: a BullMQ queue and worker. Every bot process runs a worker on the same queue
 * and BullMQ hands each job to one of them; delayed jobs live in Redis, so they survive restarts.
 * Both use connections of their own, with `maxRetriesPerRequest: null` as BullMQ requires (the
 * bot's own client fails commands fast, which a blocking worker must not do).
 */
export class BullJobQueue<T> implements JobQueue<T> {
  private readonly queueConnection: Redis;
  private readonly workerConnection: Redis;
  // Spelled out: with a generic T, BullMQ cannot tell a data type from a Job type on its own.
  private readonly queue: Queue<T, void, string, T, void, string>;
  private readonly worker: Worker<T, void, string>;

  constructor(private readonly options: BullJobQueueOptions<T>) {
    const { name, redisUrl, prefix, policy, logger } = options;
    if (!(policy.attempts >= 1)) throw new Error('A job needs at least one attempt');
    this.queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.workerConnection = new Redis(redisUrl, { maxRetriesPerRequest: null });
    for (const connection of [this.queueConnection, this.workerConnection]) {
      // ioredis reconnects by itself; without a listener an error event would crash the process.
      connection.on('error', () => undefined);
    }
    this.queue = new Queue<T, void, string, T, void, string>(name, {
      connection: this.queueConnection,
      prefix,
      defaultJobOptions: {
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs },
        // Done jobs stay a while so adding the same id again is still a no-op; failed ones are the record.
        removeOnComplete: { age: 7 * DAY_SECONDS },
        removeOnFail: { age: 30 * DAY_SECONDS },
      },
    });
    this.worker = new Worker<T, void, string>(name, (job) => this.process(job), {
      connection: this.workerConnection,
      prefix,
      concurrency: options.concurrency ?? 4,
    });
    this.queue.on('error', (error) =>
      logger.warn({ event: 'job_queue_error', queue: name, ...describeError(error) }, 'Job queue error'),
    );
    this.worker.on('error', (error) =>
      logger.warn({ event: 'job_worker_error', queue: name, ...describeError(error) }, 'Job worker error'),
    );
    this.worker.on('failed', (job, error) => {
      if (job) this.reportFailure(job, error);
    });
  }

  async add(id: string, data: T, delayMs = 0): Promise<void> {
    await this.queue.add(this.options.name, data, { jobId: id, delay: Math.max(0, Math.round(delayMs)) });
  }

  async failed(): Promise<Array<FailedJob<T>>> {
    const jobs = await this.queue.getFailed(0, 999);
    return jobs.map((job) => ({
      id: job.id ?? '',
      data: job.data as T,
      attemptsMade: job.attemptsMade,
      reason: job.failedReason,
    }));
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    const counts = await this.queue.getJobCounts('waiting', 'delayed', 'active', 'prioritized', 'failed');
    const pending =
      (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0);
    return { pending, failed: counts.failed ?? 0 };
  }

  /** Resolves once this process's worker is connected and taking jobs (tests wait for it). */
  async ready(): Promise<void> {
    await Promise.all([this.queue.waitUntilReady(), this.worker.waitUntilReady()]);
  }

  async close(): Promise<void> {
    const { name, logger, closeTimeoutMs = 5000 } = this.options;
    // The worker finishes the job in hand; waiting and delayed jobs stay in Redis for the next process.
    const closed = await settleWithin([this.worker.close(), this.queue.close()], closeTimeoutMs);
    if (!closed) {
      logger.warn(
        { event: 'job_queue_close_timeout', queue: name },
        'Job queue did not close in time; disconnecting',
      );
      void this.worker.close(true).catch(() => undefined);
    }
    await settleWithin(
      [this.queueConnection, this.workerConnection].map((connection) =>
        connection.quit().catch(() => connection.disconnect()),
      ),
      closeTimeoutMs,
    );
    this.queueConnection.disconnect();
    this.workerConnection.disconnect();
  }

  private async process(job: Job<T, void, string>): Promise<void> {
    try {
      await this.options.handler(job.data, job.attemptsMade + 1);
    } catch (error) {
      // BullMQ skips the remaining tries only for its own error type.
      if (error instanceof PermanentJobError)
        throw Object.assign(new UnrecoverableError(error.message), describeError(error), {
          name: 'UnrecoverableError',
        });
      throw error;
    }
  }

  private reportFailure(job: Job<T, void, string>, error: Error): void {
    const { name, policy, logger } = this.options;
    const attempt = job.attemptsMade;
    const permanent = error instanceof UnrecoverableError;
    if (!permanent && attempt < (job.opts.attempts ?? policy.attempts)) {
      logger.warn(
        { event: 'job_retry', queue: name, jobId: job.id, attempt, ...describeError(error) },
        'Job failed; it will be tried again',
      );
      return;
    }
    logger.error(
      {
        event: 'job_failed',
        queue: name,
        jobId: job.id,
        attemptsMade: attempt,
        permanent,
        ...describeError(error),
      },
      'Job failed for good; it is kept in the failed list',
    );
  }
}
