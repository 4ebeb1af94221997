import type { Activity, Middleware, ResourceResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger';
import { pseudonym } from '../logging/pseudonym';

type OutgoingActivities = Parameters<TurnContext['sendActivities']>[0];

/** Lets the bot drop what a turn said so far (see retryOnConflict). */
export interface HeldRepliesHandle {
  /** Drops the replies held so far: the turn is about to run again from the start. */
  restart(attempt: number): void;
  /** The replies held so far, to be sent once the turn has saved (the transcript writes them with the save). */
  held(): readonly Partial<Activity>[];
}

const HANDLE_KEY = Symbol('heldReplies');

/** The handle of the turn's held replies, when the HeldReplies middleware runs. */
export function heldRepliesOf(context: TurnContext): HeldRepliesHandle | undefined {
  return context.turnState.get(HANDLE_KEY) as HeldRepliesHandle | undefined;
}

/**
 * Makes each turn all or nothing for the user. Its replies are held until the bot has finished,
 * which includes saving state, and only then sent, so a turn whose state could not be saved never
 * claims success: its replies are dropped and the error goes on to onTurnError, which apologizes.
 * Registered before any other middleware, so the others (the transcript) only see what is sent.
 */
export class HeldReplies implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const held: OutgoingActivities = [];
    let holding = true;
    context.onSendActivities(async (_context, activities, send): Promise<ResourceResponse[]> => {
      if (!holding) return send();
      held.push(...activities);
      // A held reply is still a reply: prompts check this so they do not ask again after a validator spoke.
      context.responded = true;
      return activities.map(() => ({ id: '' }));
    });
    const handle: HeldRepliesHandle = {
      restart: (attempt) => {
        held.length = 0;
        this.logger.info(
          {
            event: 'turn_rerun_after_conflict',
            conversation: pseudonym(context.activity.conversation?.id),
            attempt,
          },
          'Another turn of this conversation saved first: running this one again on fresh state',
        );
      },
      held: () => held,
    };
    context.turnState.set(HANDLE_KEY, handle);
    try {
      await next();
    } catch (error) {
      // A failed turn's replies are never sent.
      held.length = 0;
      throw error;
    } finally {
      holding = false;
    }
    if (held.length > 0) await context.sendActivities(held.splice(0));
  }
}
