import type { DateTime } from 'luxon';

const COUNTS: Readonly<Record<string, number>> = {
  a: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

// The whole answer, nothing else: "yesterday", "today", "3 days ago", "two days ago".
const DAYS_AGO =
  /^\s*(?:(today)|(yesterday)|(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+days?\s+ago)\s*[.!]?\s*$/i;

/**
 * The commonest answers to "when did the request arrive?" read without the date recognizer (a few
 * milliseconds a call): a whole answer of "today", "yesterday" or "N days ago" is that day, start
 * of day in the user's zone, as the recognizer reads it. Anything else: undefined.
 */
export function readDaysAgo(text: string, now: DateTime): DateTime | undefined {
  const match = DAYS_AGO.exec(text);
  if (!match) return undefined;
  const daysBack = match[1] ? 0 : match[2] ? 1 : (COUNTS[match[3].toLowerCase()] ?? Number(match[3]));
  return now.startOf('day').minus({ days: daysBack });
}
