import type { DialogContext } from 'botbuilder-dialogs';
import type { Choice } from '../services/replies/choice';
import { formatUserDate } from '../services/time';
import { recognizeChoice } from './recognizeChoice';
import type { KnownArrival } from './slots/KnownSlots';
import type { TurnUnderstanding } from './understanding/TurnUnderstanding';

/** Kept in the waiting dialog's state between "which day was it?" and the answer. */
interface WaitingForDay {
  /** The day the request arrived was asked again mid-flow; with two days when it was one of them. */
  dayAsked?: { days?: [string, string] };
}

/**
 * "no wait, it was last wednesday" (yesterday, or the week before?) or "no, it was last week" mid-flow:
 * the correction asks which day, and the next message may answer it, though it carries no correction
 * word of its own ("the 18th"). The question is kept with the one being waited on, for one message:
 * whatever that message is, it is forgotten after. `waiting` is the deepest active dialog context.
 */
export function askDayAgain(waiting: DialogContext, days?: [Date, Date]): void {
  const state = waiting.activeDialog?.state as WaitingForDay | undefined;
  if (state) state.dayAsked = days ? { days: [days[0].toISOString(), days[1].toISOString()] } : {};
}

/** The two days offered as choices, labelled as the deadline's day is. */
export function dayChoices(days: ReadonlyArray<Date | string>, timeZone: string): Choice[] {
  return days.map((day) => {
    const at = new Date(day);
    return { value: at.toISOString(), title: formatUserDate(at, 'day', timeZone) };
  });
}

/** The day this message gives in answer to askDayAgain's question, if it gives one. */
export function takeDayAnswer(
  waiting: DialogContext,
  understanding: TurnUnderstanding,
): KnownArrival | undefined {
  const state = waiting.activeDialog?.state as WaitingForDay | undefined;
  const asked = state?.dayAsked;
  if (!state || !asked) return undefined;
  delete state.dayAsked;
  const days = asked.days;
  const picked = days
    ? recognizeChoice(waiting.context.activity, dayChoices(days, understanding.clock.timeZone))?.value
    : undefined;
  if (picked) return { arrivedAt: picked, precision: 'day' };
  // "the 18th", "yesterday": the date itself, one of the two or another the user is now sure of.
  const date = understanding.entities.date;
  if (date?.kind === 'resolved')
    return { arrivedAt: date.arrivedAt.toISOString(), precision: date.precision };
  const byWeek = days ? dayByWeek(understanding.text, days) : undefined;
  return byWeek ? { arrivedAt: byWeek, precision: 'day' } : undefined;
}

/** "the one before", "a week ago" pick the earlier day; "this week", "the recent one" the later. */
function dayByWeek(text: string, [recent, earlier]: [string, string]): string | undefined {
  if (/\b(?:before|earlier|previous|last week|week before|prior|older|(?:a|one|1) weeks? ago)\b/i.test(text))
    return earlier;
  if (/\b(?:this week|recent|latest|later|most recent|just gone)\b/i.test(text)) return recent;
  return undefined;
}
