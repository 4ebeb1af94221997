import { pseudonym } from '../logging/pseudonym';
import { channelLabel } from '../metrics/OperationsMetrics';
import { maskPersonalData } from './maskPersonalData';
import type { OutcomeEvent } from './outcomeEvent';
import type { OutcomeStore } from './OutcomeStore';

/**
 * The port dialogs and the hand-off report outcomes through (by way of the turn's collector, or
 * directly outside a turn). It stamps each event with the time, a pseudonym of the conversation and
 * the channel, masks any text, and never fails the caller: a lost outcome is logged, not apologised for.
 */
export class OutcomeRecorder {
  constructor(
    private readonly store: OutcomeStore,
    private readonly reportError: (error: unknown) => void,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(conversation: { id: string; channelId: string }, events: OutcomeEvent[]): Promise<void> {
    if (events.length === 0) return;
    const at = this.clock().toISOString();
    const session = pseudonym(conversation.id) ?? 'unknown';
    const channel = channelLabel(conversation.channelId);
    try {
      await this.store.append(events.map((event) => ({ ...masked(event), at, session, channel })));
    } catch (error) {
      this.reportError(error);
    }
  }
}

function masked(event: OutcomeEvent): OutcomeEvent {
  if (event.kind === 'not_understood' && event.text !== undefined)
    return { ...event, text: maskPersonalData(event.text) };
  if (event.kind === 'csat_comment') return { ...event, comment: maskPersonalData(event.comment) };
  return event;
}
