import type { Logger } from '../../logging/logger';
import { describeError } from './describeError';
import { backoffDelay, FailedJob, JobHandler, JobQueue, PermanentJobError, RetryPolicy } from './JobQueue';

// setTimeout fires at once beyond 2^31-1 ms; longer waits are taken in steps.
const LONGEST_TIMER_MS = 2 ** 31 - 1;
// The failed list is for inspection, not an archive: the oldest entries give way.
const MAX_KEPT_FAILURES = 1000;

export interface InProcessJobQueueOptions<T> {
  readonly name: string;
  readonly handler: JobHandler<T>;
  readonly policy: RetryPolicy;
  readonly logger: Logger;
}

/**
 * The embedded-mode JobQueue: timers in this process (unref'd, so they never keep it alive), the
 * same retry policy as the Redis queue, failures kept in memory. Like the embedded store, it is not
 * durable: jobs still waiting when the process stops are lost, and close() says how many.
 */
export class InProcessJobQueue<T> implements JobQueue<T> {
  private readonly seen = new Set<string>();
  private readonly timers = new Map<NodeJS.Timeout, string>();
  private readonly running = new Set<Promise<void>>();
  private readonly failures: Array<FailedJob<T>> = [];
  private closed = false;

  constructor(private readonly options: InProcessJobQueueOptions<T>) {
    if (!(options.policy.attempts >= 1)) throw new Error('A job needs at least one attempt');
  }

  async add(id: string, data: T, delayMs = 0): Promise<void> {
    if (this.closed) throw new Error(`Job queue ${this.options.name} is closed`);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.runAt(id, Date.now() + Math.max(0, delayMs), () => this.attempt(id, data, 1));
  }

  async ready(): Promise<void> {
    return undefined;
  }

  async failed(): Promise<Array<FailedJob<T>>> {
    return [...this.failures].reverse();
  }

  async counts(): Promise<{ pending: number; failed: number }> {
    return { pending: this.timers.size + this.running.size, failed: this.failures.length };
  }

  async close(): Promise<void> {
    this.closed = true;
    const waiting = this.timers.size;
    for (const timer of this.timers.keys()) clearTimeout(timer);
    this.timers.clear();
    if (waiting > 0) {
      this.options.logger.warn(
        { event: 'jobs_dropped_at_exit', queue: this.options.name, waiting },
        'Jobs still waiting were dropped: the embedded queue is not durable',
      );
    }
    await Promise.all(this.running);
  }

  private runAt(id: string, dueAt: number, run: () => Promise<void>): void {
    const wait = Math.max(0, dueAt - Date.now());
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        if (wait > LONGEST_TIMER_MS) {
          this.runAt(id, dueAt, run);
          return;
        }
        const job = run().finally(() => this.running.delete(job));
        this.running.add(job);
      },
      Math.min(wait, LONGEST_TIMER_MS),
    );
    timer.unref();
    this.timers.set(timer, id);
  }

  private async attempt(id: string, data: T, attempt: number): Promise<void> {
    const { name, handler, policy, logger } = this.options;
    try {
      await handler(data, attempt);
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      if (!permanent && attempt < policy.attempts && !this.closed) {
        const retryInMs = backoffDelay(policy, attempt);
        logger.warn(
          { event: 'job_retry', queue: name, jobId: id, attempt, retryInMs, ...describeError(error) },
          'Job failed; it will be tried again',
        );
        this.runAt(id, Date.now() + retryInMs, () => this.attempt(id, data, attempt + 1));
        return;
      }
      this.failures.push({
        id,
        data,
        attemptsMade: attempt,
        reason: (error as Error)?.message ?? String(error),
      });
      if (this.failures.length > MAX_KEPT_FAILURES) this.failures.shift();
      logger.error(
        {
          event: 'job_failed',
          queue: name,
          jobId: id,
          attemptsMade: attempt,
          permanent,
          ...describeError(error),
        },
        'Job failed for good; it is kept in the failed list',
      );
    }
  }
}
