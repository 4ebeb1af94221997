import { DateTime } from 'luxon';
import type { ArrivalPrecision } from './arrivalDate';
import type { Deadline } from './deadline';
import { zoneNamed } from './cachedZone';

const LOCALE = 'en-GB';

/** "Monday 30 November 2026" (day precision) or "Monday 30 November 2026, 15:00 (America/New_York)". */
export function formatUserDate(at: Date, precision: ArrivalPrecision, timeZone: string): string {
  const local = DateTime.fromJSDate(at, { zone: zoneNamed(timeZone) }).setLocale(LOCALE);
  const day = local.toFormat('cccc d LLLL yyyy');
  return precision === 'day' ? day : `${day}, ${local.toFormat('HH:mm')} (${timeZone})`;
}

/** The deadline's own date (and time) in the user's zone. */
export function formatDeadline(deadline: Deadline, timeZone: string): string {
  return formatUserDate(deadline.deadline, deadline.precision, timeZone);
}

/** "4 days left", "today is the last day", "1 day and 5 hours left", "less than an hour left", "passed 2 days ago". */
export function formatTimeLeft(deadline: Deadline): string {
  if (deadline.precision === 'day') {
    if (deadline.daysLeft === 0) {
      return 'today is the last day';
    }
    return deadline.passed
      ? `passed ${count(-deadline.daysLeft, 'day')} ago`
      : `${count(deadline.daysLeft, 'day')} left`;
  }
  const hours = Math.abs(deadline.hoursLeft);
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  if (deadline.passed) {
    if (hours === 0) return 'passed less than an hour ago';
    return `passed ${days > 0 ? count(days, 'day') : count(hours, 'hour')} ago`;
  }
  if (hours === 0) return 'less than an hour left';
  if (days === 0) return `${count(hours, 'hour')} left`;
  return restHours === 0
    ? `${count(days, 'day')} left`
    : `${count(days, 'day')} and ${count(restHours, 'hour')} left`;
}

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}
