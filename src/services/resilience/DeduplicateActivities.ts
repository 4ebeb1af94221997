import { createHash } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { pseudonym } from '../logging/pseudonym';
import type { SeenActivities } from './SeenActivities';

/**
 * Channels redeliver an activity when they did not hear back in time; the same id must not run the
 * turn twice (a second "next" would skip a step). The first delivery wins; later ones are dropped.
 * When a turn fails, its id is forgotten again so a redelivery can still be answered.
 */
export class DeduplicateActivities implements Middleware {
  constructor(
    private readonly seen: SeenActivities,
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { id, channelId, conversation } = context.activity;
    if (!id || !conversation?.id) return next();
    const key = createHash('sha256')
      .update(`${channelId}\n${conversation.id}\n${id}`)
      .digest('hex')
      .slice(0, 32);
    if (!(await this.seen.markSeen(key))) {
      this.logger.info(
        { event: 'duplicate_activity', conversation: pseudonym(conversation.id), channel: channelId },
        'Redelivered activity ignored',
      );
      return;
    }
    try {
      await next();
    } catch (error) {
      await this.seen.forget(key).catch(() => undefined);
      throw error;
    }
  }
}
