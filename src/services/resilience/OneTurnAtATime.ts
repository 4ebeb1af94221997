import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Turns of one conversation run one after another in this process: a double send becomes two turns
 * in order, the second seeing what the first saved, instead of two turns racing on the same state.
 * (Across processes the eTag check and AtomicTurns' re-run do the same job.)
 */
export class OneTurnAtATime implements Middleware {
  private readonly tails = new Map<string, Promise<void>>();

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId) return next();
    const key = `${context.activity.channelId}\n${conversationId}`;
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.tails.set(key, tail);
    await previous;
    try {
      await next();
    } finally {
      release();
      // The last turn in line removes the entry, so idle conversations cost nothing.
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
