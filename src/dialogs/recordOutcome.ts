import type { TurnContext } from 'botbuilder';
import type { OutcomeEvent } from '../services/analytics/outcomeEvent';
import type { IntentResult } from '../services/nlu/IntentRecognizer';

/** Set by the bot's OutcomeCollector: this turn's outcomes are gathered and written at its end. */
export const COLLECTS_OUTCOMES = Symbol('collectsOutcomes');

/**
 * The turn's outcome events. Created during the turn's run, so a run retried on an eTag conflict
 * drops it with the rest of that run's turn state and nothing is counted twice.
 */
export const TURN_OUTCOMES = Symbol('turnOutcomes');

/**
 * Notes what just happened in the conversation for the support team's figures (topic started, flow
 * left, contained...). Synchronous and free: nothing is written until the turn ends, and without a
 * collector (dialog unit tests) it does nothing.
 */
export function recordOutcome(context: TurnContext, ...happened: OutcomeEvent[]): void {
  if (context.turnState.get(COLLECTS_OUTCOMES) !== true) return;
  const events = (context.turnState.get(TURN_OUTCOMES) as OutcomeEvent[] | undefined) ?? [];
  events.push(...happened);
  context.turnState.set(TURN_OUTCOMES, events);
}

/**
 * The turn's message ended in a clarifying question or "I can't help with that": noted with the
 * intent the model guessed (its best-ranked one) for the supervisors' list; the text is masked when kept.
 */
export async function recordNotUnderstood(
  context: TurnContext,
  understanding: { said: string; intents(): Promise<IntentResult> },
): Promise<void> {
  if (context.turnState.get(COLLECTS_OUTCOMES) !== true) return;
  const { intent, score, ranked } = await understanding.intents();
  const guess = ranked[0] ?? { intent, score };
  recordOutcome(context, {
    kind: 'not_understood',
    guessedIntent: guess.intent,
    score: guess.score,
    text: understanding.said,
  });
}
