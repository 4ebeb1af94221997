import type { Middleware } from 'botbuilder';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../logging/logger';
import type { EarlyReads } from '../storage/EarlyReads';
import type { StateBackend } from '../storage/StateBackend';
import { DeduplicateActivities } from './DeduplicateActivities';
import { HeldReplies } from './HeldReplies';
import { MemorySeenActivities } from './MemorySeenActivities';
import { OneTurnAtATime } from './OneTurnAtATime';
import { RedisSeenActivities } from './RedisSeenActivities';
import { SEEN_ACTIVITY_TTL_SECONDS } from './SeenActivities';
import { TextLengthLimit } from './TextLengthLimit';
import { UserRateLimit } from './UserRateLimit';

/**
 * The adapter middleware that keeps turns safe, outermost first: drop redelivered activities, limit
 * each user's message rate, answer an over-long message without reading it, run one turn per
 * conversation at a time in this process, and hold the replies until the turn's state is saved.
 * Register them before any other middleware, after `earlyReads` (dedupe and rate limit start their
 * reads there, with the turn's other reads).
 */
export function turnSafeguards(
  config: AppConfig,
  backend: StateBackend,
  logger: Logger,
  earlyReads?: EarlyReads,
): Middleware[] {
  const seen = backend.redis
    ? new RedisSeenActivities(
        backend.redis,
        config.REDIS_KEY_PREFIX,
        SEEN_ACTIVITY_TTL_SECONDS,
        backend.guard,
      )
    : new MemorySeenActivities(SEEN_ACTIVITY_TTL_SECONDS);
  return [
    new DeduplicateActivities(seen, logger, earlyReads),
    new UserRateLimit(
      {
        points: config.RATE_LIMIT_POINTS,
        durationSeconds: config.RATE_LIMIT_DURATION_SECONDS,
        keyPrefix: `${config.REDIS_KEY_PREFIX}:ratelimit`,
      },
      backend.redis,
      backend.guard,
      logger,
      earlyReads,
    ),
    new TextLengthLimit(logger),
    new OneTurnAtATime(),
    new HeldReplies(logger),
  ];
}
