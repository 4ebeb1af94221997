import { DateTime } from 'luxon';
import { say } from '../content/responses';
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

/**
 * "4 days left", "today is the last day", "1 day and 5 hours left", "less than an hour left", "passed 2 days ago";
 * the words are in content/responses.en.json (time.*).
 */
export function formatTimeLeft(deadline: Deadline): string {
  if (deadline.precision === 'day') {
    if (deadline.daysLeft === 0) {
      return say('time.lastDay');
    }
    return deadline.passed ? passed(count(-deadline.daysLeft, 'day')) : left(count(deadline.daysLeft, 'day'));
  }
  const hours = Math.abs(deadline.hoursLeft);
  const days = Math.floor(hours / 24);
  const restHours = hours % 24;
  if (deadline.passed) {
    if (hours === 0) return say('time.passedUnderAnHour');
    return passed(days > 0 ? count(days, 'day') : count(hours, 'hour'));
  }
  if (hours === 0) return say('time.underAnHourLeft');
  if (days === 0) return left(count(hours, 'hour'));
  return restHours === 0
    ? left(count(days, 'day'))
    : left(say('time.daysAndHours', {}, { days: count(days, 'day'), hours: count(restHours, 'hour') }));
}

function left(span: string): string {
  return say('time.left', {}, { span });
}

function passed(span: string): string {
  return say('time.passed', {}, { span });
}

function count(amount: number, unit: 'day' | 'hour'): string {
  return say(`time.${unit}.${amount === 1 ? 'one' : 'other'}`, {}, { count: String(amount) });
}
