import type { DateTime } from 'luxon';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const LAST_WEEKDAY = /\blast\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;

/**
 * "Last Monday" said on a Thursday is read two ways: the Monday three days ago, or the Monday of the
 * week before. Either wrong reading moves the deadline by a week, so when both are possible the user
 * is asked. Returns the day meant (start of day, user's zone), both candidates, or undefined when the
 * answer does not say "last <weekday>".
 */
export function readLastWeekday(
  text: string,
  now: DateTime,
): { kind: 'day'; day: DateTime } | { kind: 'ambiguous'; days: [DateTime, DateTime] } | undefined {
  const match = LAST_WEEKDAY.exec(text);
  if (!match) return undefined;
  const weekday = WEEKDAYS.findIndex((name) => name.startsWith(match[1].toLowerCase())) + 1;
  const today = now.startOf('day');
  const daysBack = (today.weekday - weekday + 7) % 7 || 7;
  const recent = today.minus({ days: daysBack });
  // In this week (since Monday), "last" may mean that day or the one a week earlier; before it, only that day.
  return recent >= today.startOf('week')
    ? { kind: 'ambiguous', days: [recent, recent.minus({ days: 7 })] }
    : { kind: 'day', day: recent };
}
