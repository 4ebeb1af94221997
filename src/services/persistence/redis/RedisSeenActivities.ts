import type { Cluster, Redis } from 'ioredis';
import type { SeenActivities } from '../../resilience/SeenActivities';
import type { StorageGuard } from '../../resilience/StorageGuard';

/** Seen activities in Redis (SET NX with a TTL), shared by every bot process. */
export class RedisSeenActivities implements SeenActivities {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly keyPrefix: string,
    private readonly ttlSeconds: number,
    private readonly guard: StorageGuard,
  ) {}

  async markSeen(key: string): Promise<boolean> {
    const set = await this.guard.run('activity dedupe', () =>
      this.redis.set(this.redisKey(key), '1', 'EX', this.ttlSeconds, 'NX'),
    );
    return set === 'OK';
  }

  async forget(key: string): Promise<void> {
    await this.guard.run('activity dedupe', () => this.redis.del(this.redisKey(key)));
  }

  private redisKey(key: string): string {
    return `${this.keyPrefix}:seen:${key}`;
  }
}
