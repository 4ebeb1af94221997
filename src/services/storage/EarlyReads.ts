import { ActivityEventNames, ActivityTypes, Middleware, TurnContext } from 'botbuilder';

/** Names one early read and the type of what it yields. */
export interface EarlyReadKey<T> {
  readonly symbol: symbol;
  /** Never set: carries the read's result type. */
  readonly resultType?: T;
}

export function earlyReadKey<T>(description: string): EarlyReadKey<T> {
  return { symbol: Symbol(description) };
}

interface EarlyRead {
  key: EarlyReadKey<unknown>;
  start: (context: TurnContext) => Promise<unknown> | undefined;
  /** Reads of what the conversation's turns change (bot state, hand-off status). */
  ofConversation: boolean;
}

/**
 * Starts, at the very beginning of a turn and all in the same tick, the reads the turn will need
 * (activity dedupe, rate limit, bot state, hand-off status), so that with Redis they travel in one
 * pipeline (tickBatchedRedis): one round trip before the turn instead of one per store. Each part
 * later takes its read's promise (takeEarlyRead) where it used to issue the read itself, and still
 * reads on its own when no early read is there.
 *
 * A read of what the conversation's turns change is not started while another turn of the same
 * conversation is in flight in this process: that turn's save would make it stale. (A stale read
 * that slips through is caught by the eTag check on save; the turn then runs again on fresh state.)
 */
export class EarlyReads implements Middleware {
  private readonly reads: EarlyRead[] = [];
  private readonly turnsInFlight = new Map<string, number>();

  /** A read that does not go stale within a turn (it is also a claim: dedupe, rate limit). */
  add<T>(key: EarlyReadKey<T>, start: (context: TurnContext) => Promise<T> | undefined): void {
    this.reads.push({ key, start, ofConversation: false });
  }

  /** A read of what this conversation's turns write. */
  addConversationRead<T>(
    key: EarlyReadKey<T>,
    start: (context: TurnContext) => Promise<T> | undefined,
  ): void {
    this.reads.push({ key, start, ofConversation: true });
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversation = context.activity.conversation?.id
      ? `${context.activity.channelId}\n${context.activity.conversation.id}`
      : undefined;
    const busy = conversation !== undefined && this.turnsInFlight.has(conversation);
    // A proactive message (an agent's reply, a reminder) runs the middleware but not the bot's turn.
    const proactive =
      context.activity.type === ActivityTypes.Event &&
      context.activity.name === ActivityEventNames.ContinueConversation;
    for (const read of this.reads) {
      if (read.ofConversation && (busy || proactive || !conversation)) continue;
      const started = read.start(context);
      if (!started) continue;
      // Whoever takes it sees a failure; one never taken (the turn ended early) must not be unhandled.
      started.catch(() => undefined);
      context.turnState.set(read.key.symbol, started);
    }
    if (!conversation) return next();
    this.turnsInFlight.set(conversation, (this.turnsInFlight.get(conversation) ?? 0) + 1);
    try {
      await next();
    } finally {
      const left = (this.turnsInFlight.get(conversation) ?? 1) - 1;
      if (left > 0) this.turnsInFlight.set(conversation, left);
      else this.turnsInFlight.delete(conversation);
    }
  }
}

/**
 * The early read's promise, once: a turn that runs again after an eTag conflict reads afresh.
 * Undefined when it was not started (no EarlyReads middleware, or skipped).
 */
export function takeEarlyRead<T>(context: TurnContext, key: EarlyReadKey<T>): Promise<T> | undefined {
  const started = context.turnState.get(key.symbol) as Promise<T> | undefined;
  if (started) context.turnState.delete(key.symbol);
  return started;
}
