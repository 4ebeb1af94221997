import type { Storage } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../logging/logger';
import { guardedPort } from '../resilience/guardedPort';
import { ReadVersionStorage } from '../resilience/ReadVersionStorage';
import { StorageGuard } from '../resilience/StorageGuard';
import { createRedisClient } from './createRedisClient';
import { EmbeddedStorage } from './EmbeddedStorage';
import { RedisStorage } from './RedisStorage';
import { tickBatchedRedis } from './tickBatchedRedis';

/** Failures in a row that open the storage circuit. */
const BREAKER_CONSECUTIVE_FAILURES = 3;

/** Where the assistant keeps its state: Redis in production, this process's memory by default. */
export interface StateBackend {
  mode: 'redis' | 'embedded';
  storage: Storage;
  /** The Redis client, for services that keep their own data there (absent in embedded mode). */
  redis: Redis | undefined;
  /**
   * The circuit breaker every Redis call should go through (storage, disputes, dedupe, rate limit):
   * during an outage calls fail at once instead of each waiting for the command timeout.
   */
  guard: StorageGuard;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export function createStateBackend(config: AppConfig, logger: Logger): StateBackend {
  const guard = new StorageGuard(
    {
      timeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
      consecutiveFailures: BREAKER_CONSECUTIVE_FAILURES,
      halfOpenAfterMs: config.STORAGE_BREAKER_RESET_MS,
    },
    logger,
  );
  if (!config.REDIS_URL) {
    logger.warn(
      { event: 'storage_mode', mode: 'embedded', durable: false },
      'REDIS_URL is not set: state is kept in this process only, is NOT durable and is lost on restart',
    );
    return {
      mode: 'embedded',
      storage: new ReadVersionStorage(new EmbeddedStorage(config.STATE_TTL_SECONDS)),
      redis: undefined,
      guard,
      isReady: async () => true,
      close: async () => undefined,
    };
  }
  // Every store shares one client view whose same-tick commands go in one pipeline (one round trip).
  const redis = tickBatchedRedis(
    createRedisClient({ url: config.REDIS_URL, commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS }, logger),
  );
  logger.info({ event: 'storage_mode', mode: 'redis', durable: true }, 'State is kept in Redis');
  return {
    mode: 'redis',
    storage: new ReadVersionStorage(
      guardedPort(
        new RedisStorage(redis, {
          keyPrefix: config.REDIS_KEY_PREFIX,
          conversationTtlSeconds: config.STATE_TTL_SECONDS,
        }),
        guard,
        'state',
      ),
    ),
    redis,
    guard,
    isReady: async () => {
      if (redis.status !== 'ready') return false;
      try {
        // Through the breaker: while it is open this answers at once, and once it may half-open the
        // probe itself is the test call that closes it again, even when no user is talking.
        return (await guard.run('readiness', () => redis.ping())) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
