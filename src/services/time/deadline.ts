import { DateTime } from 'luxon';
import type { ArrivalPrecision } from './arrivalDate';
import type { UserClock } from './userClock';
import { userNow } from './wallClock';
import { zoneNamed } from './cachedZone';

const HOUR_MS = 60 * 60 * 1000;

export interface Deadline {
  /**
   * Day precision: the last instant of the deadline day in the user's zone (the whole day is still
   * in time). Time precision: exactly windowDays * 24 h after arrival.
   */
  deadline: Date;
  precision: ArrivalPrecision;
  passed: boolean;
  /**
   * Day precision: calendar days from today to the deadline day in the user's zone (0 = today is the
   * last day, negative once passed). Time precision: whole days in hoursLeft, towards zero.
   */
  daysLeft: number;
  /** Whole hours from now to `deadline`, towards zero; negative once passed. */
  hoursLeft: number;
}

/**
 * The last moment to answer the refund request. `windowDays` comes from configuration (fact P3),
 * so an operator can change it without touching this code.
 */
export function computeDeadline(
  arrival: { arrivedAt: Date; precision: ArrivalPrecision },
  windowDays: number,
  clock: UserClock,
): Deadline {
  if (!Number.isInteger(windowDays) || windowDays <= 0) {
    throw new RangeError(`windowDays must be a positive whole number, got ${windowDays}`);
  }
  const now = clock.now.getTime();
  if (arrival.precision === 'time') {
    const deadline = new Date(arrival.arrivedAt.getTime() + windowDays * 24 * HOUR_MS);
    const hoursLeft = Math.trunc((deadline.getTime() - now) / HOUR_MS);
    return {
      deadline,
      precision: 'time',
      passed: deadline.getTime() < now,
      daysLeft: Math.trunc(hoursLeft / 24),
      hoursLeft,
    };
  }
  // Calendar days in the user's zone: a day with a DST change is still one day.
  const arrivalDay = DateTime.fromJSDate(arrival.arrivedAt, { zone: zoneNamed(clock.timeZone) }).startOf(
    'day',
  );
  const deadlineDay = arrivalDay.plus({ days: windowDays });
  const today = userNow(clock).startOf('day');
  const daysLeft = Math.round(deadlineDay.diff(today, 'days').days);
  const deadline = deadlineDay.endOf('day').toJSDate();
  return {
    deadline,
    precision: 'day',
    passed: daysLeft < 0,
    daysLeft,
    hoursLeft: Math.trunc((deadline.getTime() - now) / HOUR_MS),
  };
}
