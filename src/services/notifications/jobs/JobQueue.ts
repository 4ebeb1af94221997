/** How often a job is tried and how long to wait between tries (exponential: base, 2x base, 4x base...). */
export interface RetryPolicy {
  readonly attempts: number;
  readonly backoffMs: number;
}

/** Runs one job; throwing asks for another try (PermanentJobError: no further tries). */
export type JobHandler<T> = (data: T, attempt: number) => Promise<void>;

/** A job that failed for good: kept so nothing is dropped silently. */
export interface FailedJob<T> {
  readonly id: string;
  readonly data: T;
  readonly attemptsMade: number;
  readonly reason: string;
}

/**
 * Durable-where-possible work: BullMQ on Redis (shared by every bot process, kept across restarts)
 * or an in-process queue for the embedded mode. Both honour the same contract.
 */
export interface JobQueue<T> {
  /**
   * Adds a job to run after `delayMs`. The id is the job's identity: adding an id that is already
   * waiting, running or done does nothing, so a job is scheduled once however often it is added.
   */
  add(id: string, data: T, delayMs?: number): Promise<void>;
  /** Jobs that used up their tries or failed permanently, newest first. */
  failed(): Promise<Array<FailedJob<T>>>;
  /** How many jobs wait, are delayed or run now, and how many failed for good (operations metrics). */
  counts(): Promise<{ pending: number; failed: number }>;
  /** Resolves once the queue takes and runs jobs (its Redis connections are up). */
  ready(): Promise<void>;
  /** Stops taking jobs, lets a running one finish, releases connections and timers. */
  close(): Promise<void>;
}

/** Makes the queue of the storage mode that runs, so its users need not know which one it is. */
export type JobQueues = <T>(name: string, policy: RetryPolicy, handler: JobHandler<T>) => JobQueue<T>;

/** Thrown by a handler when trying again cannot help (the conversation is gone, the bot was removed). */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/** The wait before try number `attempt + 1`, after `attempt` failed tries. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return policy.backoffMs * 2 ** (attempt - 1);
}
