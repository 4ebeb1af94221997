import Redis from 'ioredis';
import type { Logger } from '../logging/logger';

export interface RedisClientOptions {
  url: string;
  commandTimeoutMs: number;
}

/**
 * An ioredis client tuned for a chat service: a command fails after a bounded time instead of
 * hanging a user's turn, reconnection goes on in the background, and commands issued in the same
 * tick share one round trip (auto-pipelining).
 */
export function createRedisClient(options: RedisClientOptions, logger: Logger): Redis {
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // One line per distinct failure, not one per reconnection attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ event: 'redis_error', error: error.message }, 'Redis connection problem');
  });
  redis.on('ready', () => {
    lastError = '';
    logger.info({ event: 'redis_ready' }, 'Redis connected');
  });
  return redis;
}
