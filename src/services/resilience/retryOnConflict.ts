import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnContext } from 'botbuilder';
import { ETagConflictError } from '../storage/ETagConflictError';
import { findInChain } from './errorChain';
import { heldRepliesOf } from './HeldReplies';

/** A turn that keeps losing the race to other turns of its conversation gives up after this many runs. */
const MAX_TURN_ATTEMPTS = 4;

/**
 * Runs a turn (load state, handle the activity, save state). When the save meets an eTag conflict,
 * another turn of the same conversation (in this or another process) saved first: the turn runs
 * again from the start on the fresh state, and only the last run's replies are sent (HeldReplies),
 * so no update is lost and the user reads one consistent answer.
 */
export async function retryOnConflict(
  context: TurnContext,
  /** Runs the turn; `attempt` is 1 on the first run, more when running again on fresh state. */
  runTurn: (attempt: number) => Promise<void>,
): Promise<void> {
  // What the middleware put in turnState stays; what a run adds (cached state, dialog notes) goes.
  const keysBeforeTurn = new Set(context.turnState.keys());
  for (let attempt = 1; ; attempt += 1) {
    try {
      await runTurn(attempt);
      return;
    } catch (error) {
      const held = heldRepliesOf(context);
      if (!findInChain(error, ETagConflictError) || !held || attempt >= MAX_TURN_ATTEMPTS) throw error;
      held.restart(attempt);
      for (const key of [...context.turnState.keys()]) {
        if (!keysBeforeTurn.has(key)) context.turnState.delete(key);
      }
      // A little jitter, so two processes racing on one conversation do not collide again in lockstep.
      await sleep(5 + Math.floor(Math.random() * 20 * attempt));
    }
  }
}
