import { DateTime } from 'luxon';
import type { UserClock } from '../../src/services/time';

/** A user in `timeZone` whose wall clock shows `localTime` ("2026-11-26T10:30"). */
export function userClockAt(localTime: string, timeZone: string): UserClock {
  const now = DateTime.fromISO(localTime, { zone: timeZone });
  if (!now.isValid) {
    throw new Error(`bad test time ${localTime} in ${timeZone}`);
  }
  return { now: now.toJSDate(), timeZone };
}

/** The instant of a wall-clock time in a zone, to compare with what the code returns. */
export function instantOf(localTime: string, timeZone: string): Date {
  return DateTime.fromISO(localTime, { zone: timeZone }).toJSDate();
}
