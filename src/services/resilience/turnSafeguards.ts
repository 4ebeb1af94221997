import type { Middleware } from 'botbuilder';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../logging/logger';
import type { EarlyReads } from '../storage/EarlyReads';
import { DeduplicateActivities } from './DeduplicateActivities';
import { HeldReplies } from './HeldReplies';
import { OneTurnAtATime } from './OneTurnAtATime';
import type { SeenActivities } from './SeenActivities';
import type { RateLimiters } from './SharedRateLimiter';
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
  config: Pick<AppConfig, 'RATE_LIMIT_POINTS' | 'RATE_LIMIT_DURATION_SECONDS'>,
  stores: { seenActivities: SeenActivities; rateLimiters: RateLimiters },
  logger: Logger,
  earlyReads?: EarlyReads,
): Middleware[] {
  const perUser = stores.rateLimiters('ratelimit', {
    points: config.RATE_LIMIT_POINTS,
    durationSeconds: config.RATE_LIMIT_DURATION_SECONDS,
  });
  return [
    new DeduplicateActivities(stores.seenActivities, logger, earlyReads),
    new UserRateLimit(perUser, logger, earlyReads),
    new TextLengthLimit(logger),
    new OneTurnAtATime(),
    new HeldReplies(logger),
  ];
}
