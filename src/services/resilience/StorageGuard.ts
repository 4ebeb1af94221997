import {
  CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  handleWhen,
  IPolicy,
  timeout,
  TimeoutStrategy,
  wrap,
} from 'cockatiel';
import { ETagConflictError } from '../storage/ETagConflictError';
import { UnreadableRecordError } from '../storage/UnreadableRecordError';
import type { Logger } from '../logging/logger';
import { StorageUnavailableError } from './StorageUnavailableError';

export interface StorageGuardOptions {
  /**
   * No call waits longer. The client's command timeout alone does not bound a call: with
   * auto-pipelining, commands queued behind a batch sent to a frozen server wait for that batch.
   */
  timeoutMs: number;
  /** This many failures in a row open the circuit. */
  consecutiveFailures: number;
  /** How long the circuit stays open before one call may test the store again. */
  halfOpenAfterMs: number;
}

/**
 * Outcomes that say something about the data, not about reaching the store: a stale eTag, an
 * unreadable record, a rate limiter's "no" (not an Error at all). They never trip the breaker.
 */
export function isAboutTheData(error: unknown): boolean {
  return (
    !(error instanceof Error) || error instanceof ETagConflictError || error instanceof UnreadableRecordError
  );
}

/**
 * One circuit breaker (cockatiel) shared by everything that talks to Redis: after a few failures in
 * a row, calls fail at once instead of each waiting for the command timeout, so a turn during an
 * outage gets its apology quickly; after a pause one call tests Redis again.
 */
export class StorageGuard {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly policy: IPolicy;

  constructor(options: StorageGuardOptions, logger: Logger) {
    this.breaker = circuitBreaker(
      handleWhen((error) => !isAboutTheData(error)),
      {
        halfOpenAfter: options.halfOpenAfterMs,
        breaker: new ConsecutiveBreaker(options.consecutiveFailures),
      },
    );
    this.breaker.onBreak(() => logger.warn({ event: 'storage_circuit_open' }, 'Storage circuit opened'));
    this.breaker.onReset(() => logger.info({ event: 'storage_circuit_closed' }, 'Storage circuit closed'));
    // A call that runs out of time counts as a failure of the store. The calls ignore the abort
    // signal, so it is not aborted after each success (that builds a DOMException every call).
    this.policy = wrap(
      this.breaker,
      timeout(options.timeoutMs, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false }),
    );
  }

  /** True while calls are refused without trying the store. */
  get isOpen(): boolean {
    return this.breaker.state === CircuitState.Open || this.breaker.state === CircuitState.Isolated;
  }

  /** Runs one store operation; a failure to reach the store comes out as StorageUnavailableError. */
  async run<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await this.policy.execute(() => action());
    } catch (error) {
      if (isAboutTheData(error)) throw error;
      throw new StorageUnavailableError(operation, error);
    }
  }
}
