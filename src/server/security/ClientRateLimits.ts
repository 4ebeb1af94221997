import type { Next, Request, Response } from 'restify';
import type { Logger } from '../../services/logging/logger';
import { pseudonym } from '../../services/logging/pseudonym';
import type { SharedRateLimiter } from '../../services/resilience/SharedRateLimiter';
import { clientOf } from './clientAddress';

/** One limit on one kind of request, counted per client address. */
export interface ClientLimitRule {
  /** For the log: "messages", "conversation starts". */
  name: string;
  applies: (method: string, path: string) => boolean;
  limiter: SharedRateLimiter;
  /** The 429 body, in the shape the route's callers expect. */
  refusal: (retryAfterSeconds: number) => object;
}

/**
 * Limits per client address, in addition to the per-user limit inside turns: a caller who rotates
 * user ids, or opens conversation after conversation, is still one address. Runs before routing
 * and before the body is read; over a limit the answer is 429 with Retry-After. Requests from this
 * machine itself are not counted: whoever runs there has more power than any limit, and local
 * tools (the Emulator, load tests) must not be throttled as one address.
 */
export function clientRateLimits(
  rules: ClientLimitRule[],
  trustedProxyHops: number,
  logger: Logger,
): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    const path = req.getPath();
    const rule = rules.find((candidate) => candidate.applies(req.method ?? '', path));
    if (!rule) {
      next();
      return;
    }
    const { address, onThisMachine } = clientOf(req, trustedProxyHops);
    if (onThisMachine) {
      next();
      return;
    }
    rule.limiter.consume(address).then(
      (refused) => {
        if (!refused) {
          next();
          return;
        }
        if (refused.firstInWindow)
          logger.warn(
            { event: 'client_rate_limited', limit: rule.name, client: pseudonym(address) },
            'Client address over a request limit',
          );
        res.header('retry-after', String(refused.retryAfterSeconds));
        res.send(429, rule.refusal(refused.retryAfterSeconds));
        next(false);
      },
      (error: Error) => {
        // The limit could not be checked at all: serving beats refusing everyone.
        logger.error({ event: 'client_rate_limit_failed', error: error.message }, 'Rate limit check failed');
        next();
      },
    );
  };
}
