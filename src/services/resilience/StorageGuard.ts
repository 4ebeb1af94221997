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

/** A call refused without trying the store, because the circuit is open. */
export class BrokenCircuitError extends Error {
  constructor() {
    super('Execution prevented because the circuit breaker is open');
    this.name = 'BrokenCircuitError';
  }
}

/** A call that ran out of time: counts as a failure of the store. */
export class StorageTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`Operation timed out after ${timeoutMs}ms`);
    this.name = 'StorageTimeoutError';
  }
}

type Circuit =
  | { state: 'closed' }
  | { state: 'open'; openedAt: number }
  /** One call tests the store; the others wait for its outcome, then go through or are refused. */
  | { state: 'halfOpen'; decided: Promise<void>; decide: () => void };

/**
 * One circuit breaker shared by everything that talks to Redis: after a few failures in a row,
 * calls fail at once instead of each waiting for the timeout, so a turn during an outage gets its
 * apology quickly; after a pause one call tests Redis again (the others wait for its outcome).
 * Hand-written rather than cockatiel's (same rules: consecutive breaker, one half-open test,
 * aggressive timeout): a turn makes about six guarded calls, and cockatiel's policies built two
 * AbortControllers, listeners and several promises for each, about 3 % of a turn's CPU.
 */
export class StorageGuard {
  private circuit: Circuit = { state: 'closed' };
  private failuresInARow = 0;

  constructor(
    private readonly options: StorageGuardOptions,
    private readonly logger: Logger,
  ) {}

  /** True while calls are refused without trying the store. */
  get isOpen(): boolean {
    return this.circuit.state === 'open';
  }

  /** Runs one store operation; a failure to reach the store comes out as StorageUnavailableError. */
  async run<T>(operation: string, action: () => Promise<T>): Promise<T> {
    try {
      return await this.execute(action);
    } catch (error) {
      if (isAboutTheData(error)) throw error;
      throw new StorageUnavailableError(operation, error);
    }
  }

  private async execute<T>(action: () => Promise<T>): Promise<T> {
    for (;;) {
      const circuit = this.circuit;
      if (circuit.state === 'halfOpen') {
        await circuit.decided;
        continue;
      }
      if (circuit.state === 'open') {
        if (Date.now() - circuit.openedAt < this.options.halfOpenAfterMs) throw new BrokenCircuitError();
        return this.test(action);
      }
      let value: T;
      try {
        value = await this.withinTimeout(action);
      } catch (error) {
        if (!isAboutTheData(error) && ++this.failuresInARow >= this.options.consecutiveFailures) this.open();
        throw error;
      }
      this.failuresInARow = 0;
      return value;
    }
  }

  /** The half-open call: its success (or an answer about the data) closes the circuit, a failure opens it again. */
  private async test<T>(action: () => Promise<T>): Promise<T> {
    let decide = () => {};
    const decided = new Promise<void>((resolve) => (decide = resolve));
    this.circuit = { state: 'halfOpen', decided, decide };
    try {
      const value = await this.withinTimeout(action);
      this.close();
      return value;
    } catch (error) {
      if (isAboutTheData(error)) this.close();
      else this.open();
      throw error;
    } finally {
      decide();
    }
  }

  private open(): void {
    if (this.circuit.state === 'open') return;
    this.circuit = { state: 'open', openedAt: Date.now() };
    this.logger.warn({ event: 'storage_circuit_open' }, 'Storage circuit opened');
  }

  private close(): void {
    this.failuresInARow = 0;
    this.circuit = { state: 'closed' };
    this.logger.info({ event: 'storage_circuit_closed' }, 'Storage circuit closed');
  }

  /** Rejects after timeoutMs even if the call never settles (the call itself runs on, ignored). */
  private withinTimeout<T>(action: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new StorageTimeoutError(this.options.timeoutMs)),
        this.options.timeoutMs,
      );
      let pending: Promise<T>;
      try {
        pending = action();
      } catch (error) {
        clearTimeout(timer);
        reject(error);
        return;
      }
      pending.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
    });
  }
}
