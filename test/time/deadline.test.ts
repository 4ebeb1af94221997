import {
  computeDeadline,
  formatDeadline,
  formatTimeLeft,
  resolveArrivalDate,
  warmUpDateRecognizer,
  type ArrivalPrecision,
} from '../../src/services/time';
import { instantOf, userClockAt } from './userClockAt';

const WINDOW_DAYS = 7;

beforeAll(() => {
  warmUpDateRecognizer();
});

describe('the acceptance example: "3 days ago" said on Thursday 26 Nov 2026', () => {
  it.each(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'])(
    'in %s: arrived Monday 23, deadline Monday 30 November, 4 days left',
    (timeZone) => {
      const clock = userClockAt('2026-11-26T10:30', timeZone);
      const arrival = resolveArrivalDate('3 days ago', clock);
      if (arrival.kind !== 'resolved') throw new Error(`not resolved: ${arrival.kind}`);
      const deadline = computeDeadline(arrival, WINDOW_DAYS, clock);
      expect(formatDeadline(deadline, timeZone)).toBe('Monday 30 November 2026');
      expect(formatTimeLeft(deadline)).toBe('4 days left');
      expect(deadline).toMatchObject({ precision: 'day', passed: false, daysLeft: 4 });
    },
  );
});

// Each row: the user's zone, arrival (wall clock), its precision, the user's "now" (wall clock),
// then the deadline as shown, whether it passed, and the time left as shown.
const DEADLINES: Array<[string, string, ArrivalPrecision, string, string, boolean, string]> = [
  // Day precision: calendar days in the user's zone.
  [
    'America/New_York',
    '2026-11-23',
    'day',
    '2026-11-29T23:59',
    'Monday 30 November 2026',
    false,
    '1 day left',
  ],
  [
    'America/New_York',
    '2026-11-23',
    'day',
    '2026-11-30T00:01',
    'Monday 30 November 2026',
    false,
    'today is the last day',
  ],
  [
    'Asia/Kolkata',
    '2026-11-23',
    'day',
    '2026-11-30T23:59',
    'Monday 30 November 2026',
    false,
    'today is the last day',
  ],
  [
    'Europe/Berlin',
    '2026-11-23',
    'day',
    '2026-12-01T00:00',
    'Monday 30 November 2026',
    true,
    'passed 1 day ago',
  ],
  ['UTC', '2026-11-23', 'day', '2026-12-02T12:00', 'Monday 30 November 2026', true, 'passed 2 days ago'],
  [
    'Pacific/Auckland',
    '2026-12-28',
    'day',
    '2026-12-30T09:00',
    'Monday 4 January 2027',
    false,
    '5 days left',
  ],
  // Across the US DST change (1 Nov 2026) the day count is still calendar days.
  [
    'America/New_York',
    '2026-10-29',
    'day',
    '2026-11-03T12:00',
    'Thursday 5 November 2026',
    false,
    '2 days left',
  ],
  // Time precision: exactly 7 x 24 h after arrival.
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-26T10:30',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    false,
    '4 days and 4 hours left',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-29T10:00',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    false,
    '1 day and 5 hours left',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-30T10:00',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    false,
    '5 hours left',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-30T14:30',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    false,
    'less than an hour left',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-30T15:30',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    true,
    'passed less than an hour ago',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-30T20:00',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    true,
    'passed 5 hours ago',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-12-02T16:00',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    true,
    'passed 2 days ago',
  ],
  [
    'America/New_York',
    '2026-11-23T15:00',
    'time',
    '2026-11-26T15:00',
    'Monday 30 November 2026, 15:00 (America/New_York)',
    false,
    '4 days left',
  ],
  // 168 hours across a DST change: the wall-clock hour moves (US falls back 1 Nov, EU 25 Oct).
  [
    'America/New_York',
    '2026-10-29T15:00',
    'time',
    '2026-11-03T12:00',
    'Thursday 5 November 2026, 14:00 (America/New_York)',
    false,
    '2 days and 2 hours left',
  ],
  [
    'Europe/Berlin',
    '2026-10-20T09:00',
    'time',
    '2026-10-26T09:00',
    'Tuesday 27 October 2026, 08:00 (Europe/Berlin)',
    false,
    '23 hours left',
  ],
];

describe('computeDeadline with a 7-day window', () => {
  it.each(DEADLINES)(
    '%s: arrived %s (%s), now %s -> %s',
    (timeZone, arrivedLocal, precision, nowLocal, shown, passed, left) => {
      const clock = userClockAt(nowLocal, timeZone);
      const deadline = computeDeadline(
        { arrivedAt: instantOf(arrivedLocal, timeZone), precision },
        WINDOW_DAYS,
        clock,
      );
      expect(formatDeadline(deadline, timeZone)).toBe(shown);
      expect(deadline.passed).toBe(passed);
      expect(formatTimeLeft(deadline)).toBe(left);
    },
  );
});

describe('computeDeadline follows the configured window', () => {
  const clock = userClockAt('2026-11-26T10:30', 'Europe/Berlin');
  const arrival = { arrivedAt: instantOf('2026-11-23', 'Europe/Berlin'), precision: 'day' as const };

  it('moves the deadline when the window changes', () => {
    const fiveDays = computeDeadline(arrival, 5, clock);
    expect(formatDeadline(fiveDays, 'Europe/Berlin')).toBe('Saturday 28 November 2026');
    expect(formatTimeLeft(fiveDays)).toBe('2 days left');
  });

  it.each([0, -7, 2.5, Number.NaN])('refuses a window of %s days', (windowDays) => {
    expect(() => computeDeadline(arrival, windowDays, clock)).toThrow(RangeError);
  });
});

describe('day-precision deadline instant', () => {
  it('is the last moment of the deadline day in the user’s zone, so reminders do not fire a day early', () => {
    const clock = userClockAt('2026-11-26T10:30', 'Asia/Kolkata');
    const deadline = computeDeadline(
      { arrivedAt: instantOf('2026-11-23', 'Asia/Kolkata'), precision: 'day' },
      WINDOW_DAYS,
      clock,
    );
    expect(deadline.deadline).toEqual(instantOf('2026-11-30T23:59:59.999', 'Asia/Kolkata'));
    expect(deadline.hoursLeft).toBe(109);
  });
});
