import { DateTime } from 'luxon';
import type { Expectation, Route, Signal } from './caseSchema';
import { normalise, TurnObservation } from './observeTurn';

const DEADLINE_WITH_DAY =
  /\bdeadline\b[^.]*\b(january|february|march|april|may|june|july|august|september|october|november|december|\d{4}-\d{2}-\d{2})\b/i;

/** The ended-contract filing is under way: its date question, a deadline, a closed window or the steps. */
export function onEndedRoute(turn: TurnObservation): boolean {
  return (
    turn.asksDate ||
    turn.facts.has('P4') ||
    turn.saysWindowClosed ||
    turn.texts.some((text) => DEADLINE_WITH_DAY.test(text))
  );
}

/** The active-contract route: through Customer Support (fact P7). */
export function onActiveRoute(turn: TurnObservation): boolean {
  return turn.facts.has('P7');
}

function onEligibility(turn: TurnObservation): boolean {
  return turn.facts.has('P1') || turn.asksContractType || turn.asksContractState;
}

function startsNothing(turn: TurnObservation): boolean {
  return !turn.handoff && !turn.asksDate && !turn.facts.has('P4') && !turn.asksContractType;
}

/**
 * The route the conversation was last put on by an earlier turn: a flow already under way stays the
 * route while the user answers its questions, until a turn puts it on the other one.
 */
function routeSoFar(earlier: TurnObservation[]): 'ended' | 'active' | undefined {
  for (const turn of [...earlier].reverse()) {
    if (onActiveRoute(turn) && !onEndedRoute(turn)) return 'active';
    if (onEndedRoute(turn)) return 'ended';
  }
  return undefined;
}

/** Why the observed turn misses the route; undefined when it is on it. */
function routeProblem(
  route: Route,
  turn: TurnObservation,
  expect: Expectation,
  earlier: TurnObservation[],
): string | undefined {
  const soFar = routeSoFar(earlier);
  switch (route) {
    case 'ended_filing': {
      // Giving the exact deadline the case expects is the filing route, however it is worded.
      const onIt =
        onEndedRoute(turn) ||
        (expect.deadlineDate !== undefined && mentionsDay(turn.texts, expect.deadlineDate)) ||
        (soFar === 'ended' && !onActiveRoute(turn));
      if (!onIt) return 'not on the ended-contract filing';
      return onActiveRoute(turn) && !turn.facts.has('P4') ? 'sent down the active-contract route' : undefined;
    }
    case 'active_handoff_offer':
      if (!onActiveRoute(turn) && !(soFar === 'active' && !onEndedRoute(turn)))
        return 'not on the active-contract route (P7)';
      return turn.asksDate ? 'asked for a refund-request date on an active contract' : undefined;
    case 'eligibility':
      return onEligibility(turn) ? undefined : 'did not take up whether the situation is covered';
    case 'answer':
      return undefined; // the facts say what the answer must contain
    case 'scope':
      if (!turn.namesScope && !turn.facts.has('P1')) return 'did not say what the assistant covers';
      if (!turn.pointsToHelp) return 'did not say where the right help is';
      return startsNothing(turn) ? undefined : 'started a dispute flow';
    case 'clarify':
      if (turn.choices.length < 2) return `offered ${turn.choices.length} choice(s), not a clarification`;
      return startsNothing(turn) ? undefined : 'started a flow instead of clarifying';
    case 'chitchat':
      return startsNothing(turn) && !onActiveRoute(turn) ? undefined : 'started a flow on small talk';
    case 'handoff':
      return turn.handoff ? undefined : 'no hand-off to a person';
  }
}

function shows(signal: Signal, turn: TurnObservation, previous: TurnObservation | undefined): boolean {
  switch (signal) {
    case 'handoff':
      return turn.handoff;
    case 'repeatPrompt': {
      // Resuming the same question after answering a side question with a fact is no loop;
      // repeating it word for word with nothing answered is.
      const before = previous ? normalise(previous.lastText) : '';
      const repeated = before.length > 0 && turn.texts.some((text) => normalise(text) === before);
      return repeated && turn.facts.size === 0;
    }
    case 'askDate':
      return turn.asksDate;
    case 'askAmount':
      return turn.asksAmount;
    case 'askMilestone':
      return turn.asksMilestone;
    case 'askDelivered':
      return turn.asksDelivered;
    case 'askContractState':
      return turn.asksContractState;
    case 'askContractType':
      return turn.asksContractType;
    case 'goodbye':
      return turn.saysGoodbye;
    case 'endedRoute':
      return onEndedRoute(turn);
    case 'activeRoute':
      return onActiveRoute(turn);
    case 'notUnderstood':
      return turn.saysNotUnderstood;
  }
}

/** The ways a day can be written in a reply: "Saturday 28 November 2026", "Nov 28th", "2026-11-28". */
export function mentionsDay(texts: string[], isoDay: string): boolean {
  const day = DateTime.fromISO(isoDay, { locale: 'en-GB' });
  const said = normalise(texts.join(' '));
  const month = `(${normalise(day.toFormat('LLLL'))}|${normalise(day.toFormat('LLL'))})`;
  const dom = `${day.day}(st|nd|rd|th)?`;
  const pattern = new RegExp(`\\b(${dom} ${month}|${month} ${dom})\\b|\\b${isoDay.replace(/-/g, ' ')}\\b`);
  return pattern.test(said);
}

/**
 * Every way the turn falls short of the expectation; empty when it passes. `earlier` holds the
 * conversation's earlier turns, oldest first (the last one is the prompt a repeat is compared with).
 */
export function judgeTurn(
  expect: Expectation,
  turn: TurnObservation,
  earlier: TurnObservation[] = [],
): string[] {
  const previous = earlier[earlier.length - 1];
  const problems: string[] = [];
  if (turn.texts.length === 0 && !turn.handoff) problems.push('no reply');
  if (expect.route) {
    const problem = routeProblem(expect.route, turn, expect, earlier);
    if (problem) problems.push(`route ${expect.route}: ${problem}`);
  }
  const missing = (expect.facts ?? []).filter((id) => !turn.facts.has(id));
  if (missing.length > 0) problems.push(`facts not stated: ${missing.join(', ')}`);
  if (expect.anyFacts && !expect.anyFacts.some((id) => turn.facts.has(id)))
    problems.push(`none of the facts stated: ${expect.anyFacts.join(', ')}`);
  const forbidden = new Set<Signal>(expect.mustNot ?? []);
  if (expect.route !== 'handoff') forbidden.add('handoff');
  for (const signal of forbidden) {
    if (shows(signal, turn, previous)) problems.push(`must not: ${signal}`);
  }
  if (expect.deadlineDate && !mentionsDay(turn.texts, expect.deadlineDate))
    problems.push(`deadline ${expect.deadlineDate} not stated`);
  if (expect.windowClosed === true && !turn.saysWindowClosed)
    problems.push('did not say the window is closed');
  if (expect.windowClosed === false && turn.saysWindowClosed)
    problems.push('said the window is closed while it is open');
  const said = normalise(turn.texts.join(' '));
  const unseen = (expect.shows ?? []).filter((value) => !said.includes(normalise(value)));
  if (unseen.length > 0) problems.push(`did not show back: ${unseen.join(', ')}`);
  return problems;
}
