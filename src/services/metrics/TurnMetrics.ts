import type { Middleware, TurnContext } from 'botbuilder';
import { RATE_LIMITED } from '../resilience/UserRateLimit';
import { StorageUnavailableError } from '../resilience/StorageUnavailableError';
import { channelLabel, OperationsMetrics } from './OperationsMetrics';

/**
 * Adapter middleware, registered before every other: times each turn, counts it per channel and
 * activity type, and counts the turns that failed or were refused by the rate limit.
 */
export class TurnMetrics implements Middleware {
  constructor(private readonly metrics: OperationsMetrics) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const channel = channelLabel(context.activity.channelId);
    const type = context.activity.type === 'message' ? 'message' : 'other';
    const stopTimer = this.metrics.turnSeconds.startTimer({ channel });
    try {
      await next();
    } catch (error) {
      const kind = error instanceof StorageUnavailableError ? 'storage_unavailable' : 'other';
      this.metrics.turnErrors.inc({ channel, kind });
      throw error;
    } finally {
      stopTimer();
      this.metrics.turns.inc({ channel, type });
      if (context.turnState.get(RATE_LIMITED) === true) this.metrics.rateLimitedTurns.inc({ channel });
    }
  }
}
