import type { StoredOutcome } from './outcomeEvent';

/** A not-understood message as supervisors see it: masked text and the intent the model guessed. */
export interface NotUnderstoodEntry {
  at: string;
  channel: string;
  text: string;
  guessedIntent: string;
  score: number;
}

/**
 * Where conversation outcomes are kept, by UTC day, bounded and expiring (Redis when configured,
 * memory otherwise). A turn's events are appended in one call.
 */
export interface OutcomeStore {
  append(events: StoredOutcome[]): Promise<void>;
  /** Every outcome of these days (YYYY-MM-DD, UTC), oldest first within a day. */
  outcomesOn(days: string[]): Promise<StoredOutcome[]>;
  /** The not-understood messages of these days, newest first. */
  notUnderstoodOn(days: string[]): Promise<NotUnderstoodEntry[]>;
}

export interface OutcomeRetention {
  /** How long outcomes are kept. */
  outcomeDays: number;
  /** How long not-understood texts are kept; 0 = they are not kept at all (the count still is). */
  notUnderstoodDays: number;
  /** At most this many entries per day and list (the newest are kept). */
  maxPerDay: number;
}

/** The UTC day of an ISO timestamp. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}

/** The outcome to keep in the outcome list: a not-understood event without its text. */
export function withoutText(event: StoredOutcome): StoredOutcome {
  if (event.kind !== 'not_understood' || event.text === undefined) return event;
  const { text: _text, ...rest } = event;
  return rest;
}

/** The not-understood entry to keep for supervisors, when the event carries a text. */
export function notUnderstoodEntryOf(event: StoredOutcome): NotUnderstoodEntry | undefined {
  if (event.kind !== 'not_understood' || event.text === undefined) return undefined;
  return {
    at: event.at,
    channel: event.channel,
    text: event.text,
    guessedIntent: event.guessedIntent,
    score: event.score,
  };
}
