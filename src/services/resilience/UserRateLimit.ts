import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { EarlyReads, earlyReadKey, takeEarlyRead } from '../storage/EarlyReads';
import { pseudonym } from '../logging/pseudonym';
import type { RateLimitRefusal, SharedRateLimiter } from './SharedRateLimiter';

/** Set in the turn state when this turn's message was refused (the operations metrics count it). */
export const RATE_LIMITED = Symbol('rateLimited');

/** What a user sends; typing indicators and conversation updates are not counted. */
const COUNTED_TYPES = new Set(['message', 'invoke']);

const REFUSAL = earlyReadKey<RateLimitRefusal | undefined>('rate limit refusal');

/**
 * A per-user limit on messages (a SharedRateLimiter keyed by the user): in Redis, so it holds across
 * bot processes, or in memory in embedded mode and while Redis is unreachable. A user over the limit
 * is told once per window, kindly, and their messages are not processed until the window ends.
 */
export class UserRateLimit implements Middleware {
  constructor(
    /** Keyed by the user's pseudonym. */
    private readonly limiter: SharedRateLimiter,
    private readonly logger: Logger,
    earlyReads?: EarlyReads,
  ) {
    // Counted together with the turn's other reads (one round trip).
    earlyReads?.add(REFUSAL, (context) => {
      const user = countedUserOf(context);
      return user === undefined ? undefined : this.limiter.consume(user);
    });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const user = countedUserOf(context);
    if (user === undefined) return next();
    const { channelId } = context.activity;
    const refusal = await (takeEarlyRead(context, REFUSAL) ?? this.limiter.consume(user));
    if (!refusal) return next();
    context.turnState.set(RATE_LIMITED, true);
    this.logger.info({ event: 'rate_limited', user, channel: channelId }, 'User over the message limit');
    // Only the first refused message of a window gets an answer, so a flood is not echoed back.
    if (refusal.firstInWindow) {
      await context.sendActivity(
        `You're sending messages faster than I can read them. Please wait ${refusal.retryAfterSeconds} seconds, then send your last message again.`,
      );
    }
  }
}

const COUNTED_USER = Symbol('countedUser');

/** The user's pseudonym when the activity counts against their limit; hashed once per turn. */
function countedUserOf(context: TurnContext): string | undefined {
  if (context.turnState.has(COUNTED_USER)) return context.turnState.get(COUNTED_USER) as string | undefined;
  const { type, channelId, from } = context.activity;
  const user = COUNTED_TYPES.has(type) && from?.id ? (pseudonym(`${channelId}:${from.id}`) ?? '') : undefined;
  context.turnState.set(COUNTED_USER, user);
  return user;
}
