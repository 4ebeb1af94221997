import { resolveArrivalDate, warmUpDateRecognizer, type ArrivalResolution } from '../../src/services/time';
import { instantOf, userClockAt } from './userClockAt';
import { DateTime } from 'luxon';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];

/** Expected answer, with the arrival written as wall-clock time in the user's zone. */
type Expected =
  | { day: string }
  | { time: string }
  | { kind: 'future' }
  | { kind: 'vague'; reason: 'range' | 'too_vague' }
  | { kind: 'none' };

function expectedResolution(expected: Expected, timeZone: string): ArrivalResolution {
  if ('day' in expected) {
    return { kind: 'resolved', arrivedAt: instantOf(expected.day, timeZone), precision: 'day' };
  }
  if ('time' in expected) {
    return { kind: 'resolved', arrivedAt: instantOf(expected.time, timeZone), precision: 'time' };
  }
  return expected;
}

beforeAll(() => {
  warmUpDateRecognizer();
});

// Reference: Thursday 26 November 2026, 10:30 on the user's own wall clock.
const THURSDAY_MORNING: Array<[string, Expected]> = [
  ['yesterday', { day: '2026-11-25' }],
  ['last Friday', { day: '2026-11-20' }],
  // "by" opens a span the recognizer cannot resolve; the phrase it matched is read on its own.
  ['the job was closed by my client yesterday', { day: '2026-11-25' }],
  ['asked for by the client on Monday', { day: '2026-11-23' }],
  ['two days back', { day: '2026-11-24' }],
  ['he has wanted his money back since Tuesday', { day: '2026-11-24' }],
  ['it came on Friday', { day: '2026-11-20' }],
  ['Nov 20', { day: '2026-11-20' }],
  ['the 20th of November', { day: '2026-11-20' }],
  ['3 days ago', { day: '2026-11-23' }],
  ['on the 2nd', { day: '2026-11-02' }],
  ['this morning', { day: '2026-11-26' }],
  ['yesterday at 3pm', { time: '2026-11-25T15:00' }],
  ['2026-11-20', { day: '2026-11-20' }],
  ['yesterday afternoon', { day: '2026-11-25' }],
  ['last night', { day: '2026-11-25' }],
  ['today', { day: '2026-11-26' }],
  ['an hour ago', { time: '2026-11-26T09:30' }],
  // Today is Thursday: a bare "Thursday" means last week's, not today.
  ['Thursday', { day: '2026-11-19' }],
  // 2 December has not come yet this year, so it is last year's.
  ['Dec 2', { day: '2025-12-02' }],
  // A time with no day is the latest one already past.
  ['at 9am', { time: '2026-11-26T09:00' }],
  ['at 3pm', { time: '2026-11-25T15:00' }],
  ['I got it on Monday, around 3pm', { time: '2026-11-23T15:00' }],
  ['next Friday', { kind: 'future' }],
  ['tomorrow', { kind: 'future' }],
  ['tonight', { kind: 'future' }],
  ['last week', { kind: 'vague', reason: 'range' }],
  ['this month', { kind: 'vague', reason: 'range' }],
  ['between the 2nd and the 5th', { kind: 'vague', reason: 'range' }],
  ['between Nov 2 and Nov 5', { kind: 'vague', reason: 'range' }],
  ['yesterday or the day before', { kind: 'vague', reason: 'range' }],
  ['a while ago', { kind: 'vague', reason: 'too_vague' }],
  ['recently', { kind: 'vague', reason: 'too_vague' }],
  ['a few days ago', { kind: 'vague', reason: 'too_vague' }],
  ["I don't remember", { kind: 'vague', reason: 'too_vague' }],
  ['3 days', { kind: 'vague', reason: 'too_vague' }],
  ['I clicked the button', { kind: 'none' }],
];

describe.each(ZONES)('resolveArrivalDate for a user in %s on Thursday 26 Nov 2026, 10:30', (timeZone) => {
  const clock = userClockAt('2026-11-26T10:30', timeZone);
  it.each(THURSDAY_MORNING)('"%s"', (text, expected) => {
    expect(resolveArrivalDate(text, clock)).toEqual(expectedResolution(expected, timeZone));
  });
});

// Each row: the user's zone, their wall clock, what they said, what it means.
const EDGES: Array<[string, string, string, Expected]> = [
  // The user's date differs from the server's and from UTC: it is their "yesterday" that counts.
  ['Pacific/Auckland', '2026-11-26T08:00', 'yesterday', { day: '2026-11-25' }],
  ['America/New_York', '2026-11-26T22:00', 'yesterday', { day: '2026-11-25' }],
  ['Asia/Kolkata', '2026-11-26T00:15', 'yesterday at 11pm', { time: '2026-11-25T23:00' }],
  // Year and month boundaries.
  ['Asia/Kolkata', '2027-01-01T09:00', 'yesterday', { day: '2026-12-31' }],
  ['Europe/Berlin', '2027-01-01T09:00', 'Dec 31', { day: '2026-12-31' }],
  ['UTC', '2027-01-01T09:00', 'last Friday', { day: '2026-12-25' }],
  ['Europe/Berlin', '2026-03-02T09:00', 'last Friday', { day: '2026-02-27' }],
  ['America/New_York', '2026-03-02T09:00', 'Friday', { day: '2026-02-27' }],
  // February has no 30th: "the 30th" said on 2 March is 30 January.
  ['UTC', '2026-03-02T09:00', 'on the 30th', { day: '2026-01-30' }],
  ['UTC', '2026-03-02T09:00', 'Feb 29', { day: '2024-02-29' }],
  // Said on the 26th, "the 26th" is today: a month back would call a live deadline long passed.
  ['Pacific/Auckland', '2026-11-26T10:30', 'on the 26th', { day: '2026-11-26' }],
  ['Pacific/Auckland', '2026-11-26T10:30', 'Nov 26', { day: '2026-11-26' }],
  ['America/New_York', '2026-11-27T10:00', 'Friday at 9am', { time: '2026-11-20T09:00' }],
  // US DST ended 1 Nov 2026 at 02:00: 01:30 happened twice; the earlier (EDT) one is kept.
  ['America/New_York', '2026-11-03T12:00', 'Sunday at 1:30am', { time: '2026-11-01T01:30-04:00' }],
  ['America/New_York', '2026-11-03T12:00', '3 days ago', { day: '2026-10-31' }],
  // EU DST ended 25 Oct 2026.
  ['Europe/Berlin', '2026-10-26T10:00', 'yesterday at 3pm', { time: '2026-10-25T15:00' }],
  ['Europe/Berlin', '2026-10-26T10:00', 'yesterday morning', { day: '2026-10-25' }],
  // A part of the day that has not started yet.
  ['UTC', '2026-11-26T07:00', 'this afternoon', { kind: 'future' }],
];

describe('resolveArrivalDate at boundaries', () => {
  it.each(EDGES)('%s at %s: "%s"', (timeZone, localTime, text, expected) => {
    expect(resolveArrivalDate(text, userClockAt(localTime, timeZone))).toEqual(
      expectedResolution(expected, timeZone),
    );
  });
});

describe('resolveArrivalDate with a fixed-offset zone from the local timestamp', () => {
  it('reads "yesterday" on the user’s side of midnight', () => {
    const clock = { now: new Date('2026-11-27T03:00:00Z'), timeZone: 'UTC-5' };
    expect(resolveArrivalDate('yesterday', clock)).toEqual({
      kind: 'resolved',
      arrivedAt: new Date('2026-11-25T05:00:00Z'),
      precision: 'day',
    });
  });
});

describe('"last <weekday>", read the way people mean it', () => {
  // Thursday 26 November 2026, 10:30 in New York.
  const clock = userClockAt('2026-11-26T10:30', 'America/New_York');
  const startOfDay = (isoDate: string) => DateTime.fromISO(isoDate, { zone: 'America/New_York' }).toJSDate();

  it('asks which Monday when "last Monday" could be this week\'s or the week before\'s', () => {
    expect(resolveArrivalDate('last Monday', clock)).toEqual({
      kind: 'ambiguous',
      days: [startOfDay('2026-11-23'), startOfDay('2026-11-16')],
    });
  });

  it.each([
    ['last Friday', '2026-11-20'],
    ['it came last sunday', '2026-11-22'],
    ['last Thursday', '2026-11-19'],
  ])('takes "%s" as %s when only one day fits', (text, day) => {
    expect(resolveArrivalDate(text, clock)).toEqual({
      kind: 'resolved',
      arrivedAt: startOfDay(day),
      precision: 'day',
    });
  });
});
