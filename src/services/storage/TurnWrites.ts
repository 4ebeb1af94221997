import type { Middleware, TurnContext } from 'botbuilder';

type TurnWrite = () => Promise<void>;

const TURN_WRITES = Symbol('turnWrites');

/**
 * The writes a turn makes once it has run, other than bot state: transcript lines, outcome records.
 * They are started in the same tick as the bot state save (DisputeBot flushes them there), so with
 * Redis they travel in the state write's pipeline (tickBatchedRedis): one round trip after the turn.
 * Each write reports its own failure; a write must not fail the user's turn unless it means to.
 */
export class TurnWrites {
  private pending: TurnWrite[] = [];

  /** Runs `write` when the turn saves (or, when the turn ends without saving, at its end). */
  add(write: TurnWrite): void {
    this.pending.push(write);
  }

  /** Starts every write added so far, together, and waits for them. */
  async flush(): Promise<void> {
    const writes = this.pending;
    this.pending = [];
    await Promise.all(writes.map((write) => write()));
  }
}

/** This turn's writes, created on first use. */
export function turnWritesOf(context: TurnContext): TurnWrites {
  let writes = context.turnState.get(TURN_WRITES) as TurnWrites | undefined;
  if (!writes) {
    writes = new TurnWrites();
    context.turnState.set(TURN_WRITES, writes);
  }
  return writes;
}

/** Middleware: writes still pending when the turn ends (it failed, or never saved state) go out then. */
export class FlushTurnWrites implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    try {
      await next();
    } catch (error) {
      await turnWritesOf(context)
        .flush()
        .catch(() => undefined);
      throw error;
    }
    await turnWritesOf(context).flush();
  }
}
