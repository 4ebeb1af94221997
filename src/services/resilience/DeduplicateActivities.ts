import { hash } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import { EarlyReads, earlyReadKey, takeEarlyRead } from '../storage/EarlyReads';
import type { Logger } from '../logging/logger';
import { pseudonym } from '../logging/pseudonym';
import type { SeenActivities } from './SeenActivities';

/**
 * Channels redeliver an activity when they did not hear back in time; the same id must not run the
 * turn twice (a second "next" would skip a step). The first delivery wins; later ones are dropped.
 * When a turn fails, its id is forgotten again so a redelivery can still be answered.
 */
const FIRST_DELIVERY = earlyReadKey<boolean>('first delivery');

export class DeduplicateActivities implements Middleware {
  constructor(
    private readonly seen: SeenActivities,
    private readonly logger: Logger,
    earlyReads?: EarlyReads,
  ) {
    // Marked together with the turn's other reads (one round trip).
    earlyReads?.add(FIRST_DELIVERY, (context) => {
      const key = seenKeyOf(context);
      return key ? this.seen.markSeen(key) : undefined;
    });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const key = seenKeyOf(context);
    if (!key) return next();
    const { channelId, conversation } = context.activity;
    const firstDelivery = await (takeEarlyRead(context, FIRST_DELIVERY) ?? this.seen.markSeen(key));
    if (!firstDelivery) {
      this.logger.info(
        { event: 'duplicate_activity', conversation: pseudonym(conversation?.id), channel: channelId },
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

const SEEN_KEY = Symbol('seenKey');

/** The activity's dedupe key, hashed once per turn (the early read and the middleware both need it). */
function seenKeyOf(context: TurnContext): string | undefined {
  if (context.turnState.has(SEEN_KEY)) return context.turnState.get(SEEN_KEY) as string | undefined;
  const { id, channelId, conversation } = context.activity;
  const key =
    id && conversation?.id
      ? hash('sha256', `${channelId}\n${conversation.id}\n${id}`, 'hex').slice(0, 32)
      : undefined;
  context.turnState.set(SEEN_KEY, key);
  return key;
}
