import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * How many messages in a row, in this conversation, the assistant did not understand (it asked to
 * clarify or could not help). Kept in conversation state; any understood message starts it again.
 */
export class MisunderstandingStreak {
  constructor(private readonly accessor: StatePropertyAccessor<number>) {
    if (!accessor) throw new Error('MisunderstandingStreak needs a state property');
  }

  async count(context: TurnContext): Promise<number> {
    return this.accessor.get(context, 0);
  }

  /** One more message not understood; returns how many in a row now. */
  async extend(context: TurnContext): Promise<number> {
    const inARow = (await this.count(context)) + 1;
    await this.accessor.set(context, inARow);
    return inARow;
  }

  async end(context: TurnContext): Promise<void> {
    if ((await this.count(context)) > 0) await this.accessor.delete(context);
  }
}
