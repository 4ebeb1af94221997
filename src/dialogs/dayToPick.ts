import type { Activity } from 'botbuilder';
import { DateTime } from 'luxon';
import type { Choice } from '../services/replies/choice';
import { formatUserDate } from '../services/time';
import { recognizeChoice } from './recognizeChoice';
import type { KnownArrival } from './slots/KnownSlots';
import type { TurnUnderstanding } from './understanding/TurnUnderstanding';

/** Kept in a dialog's state between "which day was it?" and the answer. */
interface DayQuestionState {
  /** The day the request arrived was asked for; with two days when it was one of them. */
  dayAsked?: { days?: [string, string] };
}

/**
 * "which day did the request arrive?" asked once more: "last thursday" said on a Sunday (this week's, or
 * the week before's?), "no, it was last week" mid-flow. The next message may answer it without a
 * correction word or a full date of its own ("the first one", "26", "the one before", a button). The
 * question is kept in `state` (the state of the dialog waiting for the answer) for one message only.
 */
export function askDayAgain(state: object | undefined, days?: [Date, Date]): void {
  if (!state) return;
  (state as DayQuestionState).dayAsked = days ? { days: [days[0].toISOString(), days[1].toISOString()] } : {};
}

/** The two days offered as choices, labelled as the deadline's day is. */
export function dayChoices(days: ReadonlyArray<Date | string>, timeZone: string): Choice[] {
  return days.map((day) => {
    const at = new Date(day);
    return { value: at.toISOString(), title: formatUserDate(at, 'day', timeZone) };
  });
}

/** The day this message gives in answer to askDayAgain's question, if it gives one; the question stays. */
export function dayAnswerOf(
  state: object | undefined,
  activity: Partial<Activity>,
  understanding: TurnUnderstanding,
): KnownArrival | undefined {
  const asked = (state as DayQuestionState | undefined)?.dayAsked;
  if (!asked) return undefined;
  const days = asked.days;
  const zone = understanding.clock.timeZone;
  const picked = days
    ? (recognizeChoice(activity, dayChoices(days, zone))?.value ?? dayOfMonth(understanding.text, days, zone))
    : undefined;
  if (picked) return { arrivedAt: picked, precision: 'day' };
  // "the 18th", "yesterday": the date itself, one of the two or another the user is now sure of.
  const date = understanding.entities.date;
  if (date?.kind === 'resolved')
    return { arrivedAt: date.arrivedAt.toISOString(), precision: date.precision };
  const byWeek = days ? dayByWeek(understanding.text, days) : undefined;
  return byWeek ? { arrivedAt: byWeek, precision: 'day' } : undefined;
}

/** dayAnswerOf, and the question is forgotten whatever the message was. */
export function takeDayAnswer(
  state: object | undefined,
  activity: Partial<Activity>,
  understanding: TurnUnderstanding,
): KnownArrival | undefined {
  const answer = dayAnswerOf(state, activity, understanding);
  if (state) delete (state as DayQuestionState).dayAsked;
  return answer;
}

/** "26" alone: the one of the two days that falls on that day of the month. */
function dayOfMonth(text: string, days: [string, string], timeZone: string): string | undefined {
  const number = /^\s*(\d{1,2})\s*$/.exec(text)?.[1];
  if (!number) return undefined;
  return days.find((day) => DateTime.fromISO(day, { zone: timeZone }).day === Number(number));
}

/** "the one before", "a week ago" pick the earlier day; "this week", "the recent one" the later. */
function dayByWeek(text: string, [recent, earlier]: [string, string]): string | undefined {
  if (/\b(?:before|earlier|previous|last week|week before|prior|older|(?:a|one|1) weeks? ago)\b/i.test(text))
    return earlier;
  if (/\b(?:this week|recent|latest|later|most recent|just gone)\b/i.test(text)) return recent;
  return undefined;
}
