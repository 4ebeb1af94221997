import type { Storage } from 'botbuilder';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../logging/logger';
import { createRedisClient } from './createRedisClient';
import { EmbeddedStorage } from './EmbeddedStorage';
import { RedisStorage } from './RedisStorage';

/** Where the assistant keeps its state: Redis in production, this process's memory by default. */
export interface StateBackend {
  mode: 'redis' | 'embedded';
  storage: Storage;
  /** The Redis client, for services that keep their own data there (absent in embedded mode). */
  redis: Redis | undefined;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export function createStateBackend(config: AppConfig, logger: Logger): StateBackend {
  if (!config.REDIS_URL) {
    logger.warn(
      { event: 'storage_mode', mode: 'embedded', durable: false },
      'REDIS_URL is not set: state is kept in this process only, is NOT durable and is lost on restart',
    );
    return {
      mode: 'embedded',
      storage: new EmbeddedStorage(config.STATE_TTL_SECONDS),
      redis: undefined,
      isReady: async () => true,
      close: async () => undefined,
    };
  }
  const redis = createRedisClient(
    { url: config.REDIS_URL, commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS },
    logger,
  );
  logger.info({ event: 'storage_mode', mode: 'redis', durable: true }, 'State is kept in Redis');
  return {
    mode: 'redis',
    storage: new RedisStorage(redis, {
      keyPrefix: config.REDIS_KEY_PREFIX,
      conversationTtlSeconds: config.STATE_TTL_SECONDS,
    }),
    redis,
    isReady: async () => {
      if (redis.status !== 'ready') return false;
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
