import type { AppConfig } from '../../../config/configSchema';
import { RedisConversationLog } from '../../../channels/directline/RedisConversationLog';
import { RedisHandoffStore } from '../../handoff/RedisHandoffStore';
import { RedisTranscriptStore } from '../../handoff/RedisTranscriptStore';
import { RedisOutcomeStore } from '../../analytics/RedisOutcomeStore';
import { RedisDisputeStore } from '../../disputes/RedisDisputeStore';
import type { Logger } from '../../logging/logger';
import { BullJobQueue, bullKeyPrefix } from '../../notifications/jobs/BullJobQueue';
import { guardedPort } from '../../resilience/guardedPort';
import { ReadVersionStorage } from '../../resilience/ReadVersionStorage';
import { SEEN_ACTIVITY_TTL_SECONDS } from '../../resilience/SeenActivities';
import { SharedRateLimiter } from '../../resilience/SharedRateLimiter';
import { StorageGuard } from '../../resilience/StorageGuard';
import { createRedisClient } from './createRedisClient';
import { RedisSeenActivities } from './RedisSeenActivities';
import { RedisStorage } from './RedisStorage';
import { tickBatchedRedis } from './tickBatchedRedis';
import { outcomeRetentionOf, Persistence, RetentionSettings } from '../Persistence';

/** Failures in a row that open the storage circuit. */
const BREAKER_CONSECUTIVE_FAILURES = 3;

/** The part of the configuration the Redis stores read. */
export type RedisPersistenceSettings = RetentionSettings &
  Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'REDIS_COMMAND_TIMEOUT_MS' | 'STORAGE_BREAKER_RESET_MS'> & {
    readonly REDIS_URL: string;
  };

/**
 * Every store in Redis: durable and shared by every bot process. All of them share one client view
 * whose same-tick commands go in one pipeline (one round trip), and every call goes through one
 * circuit breaker: during an outage calls fail at once instead of each waiting for the command timeout.
 */
export function createRedisPersistence(settings: RedisPersistenceSettings, logger: Logger): Persistence {
  const prefix = settings.REDIS_KEY_PREFIX;
  const guard = new StorageGuard(
    {
      timeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS,
      consecutiveFailures: BREAKER_CONSECUTIVE_FAILURES,
      halfOpenAfterMs: settings.STORAGE_BREAKER_RESET_MS,
    },
    logger,
  );
  const redis = tickBatchedRedis(
    createRedisClient(
      { url: settings.REDIS_URL, commandTimeoutMs: settings.REDIS_COMMAND_TIMEOUT_MS },
      logger,
    ),
  );
  logger.info({ event: 'storage_mode', mode: 'redis', durable: true }, 'State is kept in Redis');
  const storage = new RedisStorage(redis, {
    keyPrefix: prefix,
    conversationTtlSeconds: settings.STATE_TTL_SECONDS,
  });
  const handoffCases = new RedisHandoffStore(redis, {
    prefix,
    caseTtlSeconds: settings.TRANSCRIPT_TTL_SECONDS,
    maxMessagesPerCase: settings.TRANSCRIPT_MAX_ENTRIES,
  });
  const transcripts = new RedisTranscriptStore(redis, {
    prefix,
    maxEntries: settings.TRANSCRIPT_MAX_ENTRIES,
    ttlSeconds: settings.TRANSCRIPT_TTL_SECONDS,
  });
  const outcomes = new RedisOutcomeStore(redis, prefix, outcomeRetentionOf(settings));
  return {
    mode: 'redis',
    storage: new ReadVersionStorage(guardedPort(storage, guard, 'state')),
    disputes: guardedPort(new RedisDisputeStore(redis, prefix), guard, 'dispute'),
    handoffCases: guardedPort(handoffCases, guard, 'handoff'),
    transcripts: guardedPort(transcripts, guard, 'transcript'),
    outcomes: guardedPort(outcomes, guard, 'outcomes'),
    directLineLog: new RedisConversationLog(redis, {
      keyPrefix: prefix,
      idleTtlSeconds: settings.DIRECTLINE_IDLE_TTL_SECONDS,
    }),
    seenActivities: new RedisSeenActivities(redis, prefix, SEEN_ACTIVITY_TTL_SECONDS, guard),
    rateLimiters: (name, window) =>
      new SharedRateLimiter({ ...window, keyPrefix: `${prefix}:${name}` }, { redis, guard }),
    // BullMQ opens connections of its own (blocking commands), so the queues take the URL.
    jobQueues: (name, policy, handler) =>
      new BullJobQueue({
        name,
        redisUrl: settings.REDIS_URL,
        prefix: bullKeyPrefix(prefix),
        policy,
        handler,
        logger,
      }),
    circuitOpen: () => guard.isOpen,
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
