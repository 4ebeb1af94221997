import type { Cluster, Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { StorageGuard } from './StorageGuard';
import { StorageUnavailableError } from './StorageUnavailableError';

export interface RateLimitWindow {
  /** What may be spent per window. */
  points: number;
  durationSeconds: number;
  /** Names the counters in Redis, one prefix per limit. */
  keyPrefix: string;
}

/** Makes the limit called `name` (its counters' key prefix) on the storage mode that runs. */
export type RateLimiters = (name: string, window: Omit<RateLimitWindow, 'keyPrefix'>) => SharedRateLimiter;

/** A refusal: how long until the key may spend again, and whether this is the first one of its window. */
export interface RateLimitRefusal {
  retryAfterSeconds: number;
  firstInWindow: boolean;
}

/**
 * A limit per key (a client address, a conversation) with rate-limiter-flexible: in Redis, so it
 * holds across bot processes, or in memory without Redis and while Redis is unreachable (each
 * process then counts on its own). Counters expire with their window, so memory and Redis stay
 * bounded by the keys seen in one window.
 */
export class SharedRateLimiter {
  private readonly local: RateLimiterMemory;
  private readonly shared: { limiter: RateLimiterRedis; guard: StorageGuard } | undefined;

  constructor(
    private readonly window: RateLimitWindow,
    /** Redis and the breaker its calls go through; absent in embedded mode. */
    shared?: { redis: Redis | Cluster; guard: StorageGuard },
  ) {
    const limits = { points: window.points, duration: window.durationSeconds, keyPrefix: window.keyPrefix };
    this.local = new RateLimiterMemory(limits);
    this.shared = shared && {
      limiter: new RateLimiterRedis({ ...limits, storeClient: shared.redis }),
      guard: shared.guard,
    };
  }

  /** Spends one point for `key`; undefined when allowed. */
  async consume(key: string): Promise<RateLimitRefusal | undefined> {
    const refusal = await this.refusalFor(key);
    if (!refusal) return undefined;
    return {
      retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)),
      firstInWindow: refusal.consumedPoints === this.window.points + 1,
    };
  }

  private async refusalFor(key: string): Promise<RateLimiterRes | undefined> {
    const shared = this.shared;
    try {
      if (!shared) return await consumeOrRefuse(this.local, key);
      return await shared.guard.run('rate limit', () => consumeOrRefuse(shared.limiter, key));
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      return consumeOrRefuse(this.local, key);
    }
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when over the limit, and with an Error on failure. */
async function consumeOrRefuse(
  limiter: RateLimiterAbstract,
  key: string,
): Promise<RateLimiterRes | undefined> {
  try {
    await limiter.consume(key);
    return undefined;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return rejection;
    throw rejection;
  }
}
