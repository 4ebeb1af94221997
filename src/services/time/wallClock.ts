import { DateTime } from 'luxon';
import type { UserClock } from './userClock';
import { zoneNamed } from './cachedZone';

/**
 * The user's "now" as a Date whose LOCAL fields (getFullYear, getHours...) show the user's wall clock.
 * The recognizer reads only those local fields of the process's zone, so this is how it learns the
 * user's time whatever zone the server runs in. (If that wall time falls in a DST gap of the server's
 * own zone, the Date moves forward by the gap; no real zone pair makes that matter for a date answer.)
 */
export function recognizerReferenceFor(clock: UserClock): Date {
  const wall = userNow(clock);
  return new Date(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The user's current wall-clock time in their zone. */
export function userNow(clock: UserClock): DateTime {
  return DateTime.fromJSDate(clock.now, { zone: zoneNamed(clock.timeZone) });
}

/**
 * A wall-clock reading in the user's zone as an instant. A time that happens twice (the hour
 * repeated when DST ends) takes its earlier instant, so a deadline built on it is never late.
 */
export function wallClockInstant(
  wall: { year: number; month: number; day: number; hour?: number; minute?: number; second?: number },
  timeZone: string,
): DateTime {
  const reading = DateTime.fromObject(wall, { zone: zoneNamed(timeZone) });
  const possible = reading.getPossibleOffsets();
  return possible.length > 1 ? (DateTime.min(...possible) ?? reading) : reading;
}
