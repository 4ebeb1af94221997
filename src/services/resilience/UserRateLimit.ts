import type { Middleware, TurnContext } from 'botbuilder';
import type { Cluster, Redis } from 'ioredis';
import {
  RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import type { Logger } from '../logging/logger';
import { EarlyReads, earlyReadKey, takeEarlyRead } from '../storage/EarlyReads';
import { pseudonym } from '../logging/pseudonym';
import type { StorageGuard } from './StorageGuard';
import { StorageUnavailableError } from './StorageUnavailableError';

export interface UserRateLimitOptions {
  /** Messages one user may send per window. */
  points: number;
  durationSeconds: number;
  keyPrefix: string;
}

/** Set in the turn state when this turn's message was refused (the operations metrics count it). */
export const RATE_LIMITED = Symbol('rateLimited');

/** What a user sends; typing indicators and conversation updates are not counted. */
const COUNTED_TYPES = new Set(['message', 'invoke']);

const REFUSAL = earlyReadKey<RateLimiterRes | undefined>('rate limit refusal');

/**
 * A per-user limit on messages (rate-limiter-flexible): in Redis, so it holds across bot processes,
 * or in memory in embedded mode and while Redis is unreachable. A user over the limit is told once
 * per window, kindly, and their messages are not processed until the window ends.
 */
export class UserRateLimit implements Middleware {
  private readonly local: RateLimiterMemory;
  private readonly shared: RateLimiterRedis | undefined;

  constructor(
    private readonly options: UserRateLimitOptions,
    redis: Redis | Cluster | undefined,
    private readonly guard: StorageGuard,
    private readonly logger: Logger,
    earlyReads?: EarlyReads,
  ) {
    const limits = {
      points: options.points,
      duration: options.durationSeconds,
      keyPrefix: options.keyPrefix,
    };
    this.local = new RateLimiterMemory(limits);
    this.shared = redis ? new RateLimiterRedis({ ...limits, storeClient: redis }) : undefined;
    // Counted together with the turn's other reads (one round trip).
    earlyReads?.add(REFUSAL, (context) => {
      const user = countedUserOf(context);
      return user === undefined ? undefined : this.refusalFor(user);
    });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const user = countedUserOf(context);
    if (user === undefined) return next();
    const { channelId } = context.activity;
    const refusal = await (takeEarlyRead(context, REFUSAL) ?? this.refusalFor(user));
    if (!refusal) return next();
    context.turnState.set(RATE_LIMITED, true);
    this.logger.info({ event: 'rate_limited', user, channel: channelId }, 'User over the message limit');
    // Only the first refused message of a window gets an answer, so a flood is not echoed back.
    if (refusal.consumedPoints === this.options.points + 1) {
      const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      await context.sendActivity(
        `You're sending messages faster than I can read them. Please wait ${seconds} seconds, then send your last message again.`,
      );
    }
  }

  private async refusalFor(user: string): Promise<RateLimiterRes | undefined> {
    const shared = this.shared;
    try {
      if (!shared) return await consumeOrRefuse(this.local, user);
      return await this.guard.run('rate limit', () => consumeOrRefuse(shared, user));
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      // Redis is unreachable: keep limiting with this process's own counts.
      return consumeOrRefuse(this.local, user);
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
