import type { Middleware, TurnContext } from 'botbuilder';
import { COLLECTS_OUTCOMES, TURN_OUTCOMES } from '../dialogs/recordOutcome';
import type { OutcomeEvent } from '../services/analytics/outcomeEvent';
import type { OutcomeRecorder } from '../services/analytics/OutcomeRecorder';

/**
 * Lets the turn record outcome events and writes them in one call at its end (one pipelined Redis
 * round trip, none for a turn that recorded nothing). Events of a run that failed are not written.
 * The reply does not wait for the write: the recorder never throws, and commands on one Redis
 * connection run in order, so a later read of the figures still sees it.
 */
export class OutcomeCollector implements Middleware {
  constructor(private readonly recorder: OutcomeRecorder) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    context.turnState.set(COLLECTS_OUTCOMES, true);
    await next();
    const events = (context.turnState.get(TURN_OUTCOMES) as OutcomeEvent[] | undefined) ?? [];
    const { conversation, channelId } = context.activity;
    if (conversation?.id) void this.recorder.record({ id: conversation.id, channelId }, events);
  }
}
