import Redis from 'ioredis';
import type { Logger } from '../../logging/logger';

export interface RedisClientOptions {
  url: string;
  commandTimeoutMs: number;
}

/**
 * An ioredis client tuned for a chat service: every command fails after a bounded time instead of
 * hanging a user's turn, and reconnection goes on in the background. Commands issued together are
 * still in flight together (one round trip), as ioredis writes each without waiting for replies.
 * Auto-pipelining stays off: it holds each batch until the previous one is answered, so behind a
 * frozen server (SIGSTOP, a stalled network) queued commands wait without their timeout running.
 * Once connected, the offline queue is turned off: while the connection is down a command fails at
 * once (the turn apologizes) instead of waiting for a reconnection that may not come soon. Until
 * the first connection, commands wait for it as usual, so a process just started does not refuse.
 */
export function createRedisClient(options: RedisClientOptions, logger: Logger): Redis {
  const redis = new Redis(options.url, {
    commandTimeout: options.commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableAutoPipelining: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // One line per distinct failure, not one per reconnection attempt.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ event: 'redis_error', error: error.message }, 'Redis connection problem');
  });
  redis.once('ready', () => {
    // ioredis reads this option on every command.
    redis.options.enableOfflineQueue = false;
  });
  redis.on('ready', () => {
    lastError = '';
    logger.info({ event: 'redis_ready' }, 'Redis connected');
  });
  return redis;
}
