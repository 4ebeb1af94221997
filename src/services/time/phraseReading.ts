import { DateTime } from 'luxon';
import type { RecognizedDatePhrase, RecognizedValue } from './dateRecognizer';
import type { UserClock } from './userClock';
import { userNow, wallClockInstant } from './wallClock';
import { zoneNamed } from './cachedZone';

/** What one date phrase says about when something happened, after choosing among its readings. */
export type PhraseReading =
  | { kind: 'day'; day: DateTime } // start of that day in the user's zone
  | { kind: 'moment'; at: DateTime; clockOnly: boolean } // clockOnly: "at 3pm", no day named
  | { kind: 'future' } // every reading lies ahead
  | { kind: 'range' } // spans more than one day
  | { kind: 'vague' }; // "recently", a bare duration

type Candidate =
  | { kind: 'day'; day: DateTime }
  | { kind: 'moment'; at: DateTime; partOfDay?: boolean }
  | ({ kind: 'clock' } & TimeOfDay)
  | { kind: 'range' }
  | { kind: 'vague' };

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/** partOfDay: the start of "this morning" and the like; it decides what is future, then only the day is kept. */
type Dated = { kind: 'day'; day: DateTime } | { kind: 'moment'; at: DateTime; partOfDay?: boolean };

const DATE_FORMAT = 'yyyy-MM-dd';
const DATE_TIME_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const TIME_FORMAT = 'HH:mm:ss';
/** "XXXX-XX-30" (day of month only) or "XXXX-11-30" (no year), optionally followed by a time part. */
const OPEN_DATE_TIMEX = /^XXXX-(XX|\d{2})-(\d{2})(?![\d-])/;

/**
 * Chooses the reading of one phrase a user means when telling us when something ARRIVED:
 * the most recent reading that is not in the future. A reading on today loses to one from the past
 * week ("Thursday" said on a Thursday means last week's: for today people say "today"); a month or
 * a year back it does not, since that reading would call a live deadline long passed.
 */
export function readPhrase(phrase: RecognizedDatePhrase, clock: UserClock): PhraseReading {
  const now = userNow(clock);
  const candidates = candidatesOf(phrase, now, clock.timeZone);
  if (candidates.some((candidate) => candidate.kind === 'range')) {
    return { kind: 'range' };
  }
  if (candidates.length === 0 || candidates.some((candidate) => candidate.kind === 'vague')) {
    return { kind: 'vague' };
  }
  const clockOnly = candidates.every((candidate) => candidate.kind === 'clock');
  const dated = candidates.flatMap((candidate) => anchored(candidate, now, clock.timeZone));
  const notFuture = dated.filter((reading) => !isFuture(reading, now));
  if (notFuture.length === 0) {
    return { kind: 'future' };
  }
  const today = now.startOf('day');
  const weekAgo = today.minus({ days: 7 });
  const pastWeek = notFuture.filter((reading) => dayOf(reading) < today && dayOf(reading) >= weekAgo);
  const pool = !clockOnly && pastWeek.length > 0 ? pastWeek : notFuture;
  const latest = pool.reduce((best, reading) => (instantOf(reading) > instantOf(best) ? reading : best));
  if (latest.kind === 'day') return latest;
  if (latest.partOfDay) return { kind: 'day', day: latest.at.startOf('day') };
  return { kind: 'moment', at: latest.at, clockOnly };
}

function candidatesOf(phrase: RecognizedDatePhrase, now: DateTime, zone: string): Candidate[] {
  const parsed = phrase.values.flatMap((value) => candidateOf(value, zone));
  const openDate = OPEN_DATE_TIMEX.exec(phrase.values[0]?.timex ?? '');
  if (openDate === null || parsed.some((candidate) => candidate.kind === 'range')) {
    return parsed;
  }
  // The recognizer rolls a missing day over ("the 30th" in March gives 2 March), so place the day ourselves.
  const month = openDate[1] === 'XX' ? undefined : Number(openDate[1]);
  const days = nearestDaysWith(month, Number(openDate[2]), now);
  const times = parsed.filter((candidate) => candidate.kind === 'moment');
  if (times.length === 0) {
    return days.map((day) => ({ kind: 'day', day }));
  }
  return days.flatMap((day) =>
    times.map((time) => ({
      kind: 'moment' as const,
      at: atTimeOfDay(day, time.at, zone),
    })),
  );
}

function candidateOf(value: RecognizedValue, zone: string): Candidate[] {
  switch (value.type) {
    case 'date':
      return optional(parseDay(value.value, zone), (day) => ({ kind: 'day', day }));
    case 'datetime':
      if (value.timex === 'PRESENT_REF') {
        return optional(parseMoment(value.value, zone), (at) => ({ kind: 'moment', at }));
      }
      if (value.timex.endsWith('_REF')) {
        return [{ kind: 'vague' }];
      }
      return optional(parseMoment(value.value, zone), (at) => ({ kind: 'moment', at }));
    case 'time':
      return optional(parseClock(value.value), (clock) => ({ kind: 'clock', ...clock }));
    case 'timerange':
      // "in the morning": its start, the earliest it can have been.
      return optional(parseClock(value.start), (clock) => ({ kind: 'clock', ...clock }));
    case 'daterange': {
      const start = parseDay(value.start, zone);
      const end = parseDay(value.end, zone);
      if (start === undefined || end === undefined) {
        return [];
      }
      return end <= start.plus({ days: 1 }) ? [{ kind: 'day', day: start }] : [{ kind: 'range' }];
    }
    case 'datetimerange': {
      // A part of one day ("this morning", "yesterday afternoon") names the day, not the time: the
      // recognizer's morning starts at 08:00, but a request read "this morning" may have come at 06:00,
      // and a deadline told hours late is the one mistake the user cannot recover from. More than a
      // day is a range.
      const start = parseMoment(value.start, zone);
      const end = parseMoment(value.end, zone);
      if (start === undefined || end === undefined) {
        return [];
      }
      const lastInstant = end > start ? end.minus({ milliseconds: 1 }) : start;
      return lastInstant.hasSame(start, 'day')
        ? [{ kind: 'moment', at: start, partOfDay: true }]
        : [{ kind: 'range' }];
    }
    default:
      // durations ("3 days") and repeating sets ("every Monday") do not say when.
      return [{ kind: 'vague' }];
  }
}

/** A time of day with no date is the latest such time that has already passed: today, else yesterday. */
function anchored(candidate: Candidate, now: DateTime, zone: string): Dated[] {
  if (candidate.kind === 'day' || candidate.kind === 'moment') {
    return [candidate];
  }
  if (candidate.kind !== 'clock') {
    return [];
  }
  const today = atTimeOfDay(now, candidate, zone);
  const at = today <= now ? today : atTimeOfDay(now.minus({ days: 1 }), candidate, zone);
  return [{ kind: 'moment', at }];
}

/** The latest date on or before today, and the first after it, with that day (and month, when given). */
function nearestDaysWith(month: number | undefined, dayOfMonth: number, now: DateTime): DateTime[] {
  const today = now.startOf('day');
  const dayAt = (offset: number): DateTime | undefined => {
    const first = today.set({ day: 1 }).plus(month === undefined ? { months: offset } : { years: offset });
    const wantedMonth = month ?? first.month;
    const day = first.set({ month: wantedMonth, day: dayOfMonth });
    // luxon rolls 30 February over into March: such a month or year has no such day.
    return day.isValid && day.month === wantedMonth && day.day === dayOfMonth ? day : undefined;
  };
  // 8 years reach 29 February across a skipped leap year (2100); months need far fewer steps.
  const reach = month === undefined ? 12 : 8;
  const latest = firstDefined(
    reach,
    (step) => dayAt(-step),
    (day) => day <= today,
  );
  const next = firstDefined(
    reach,
    (step) => dayAt(step),
    (day) => day > today,
  );
  const found = [latest, next].filter((day): day is DateTime => day !== undefined);
  return found;
}

function firstDefined(
  reach: number,
  dayAt: (step: number) => DateTime | undefined,
  accept: (day: DateTime) => boolean,
): DateTime | undefined {
  for (let step = 0; step <= reach; step += 1) {
    const day = dayAt(step);
    if (day !== undefined && accept(day)) {
      return day;
    }
  }
  return undefined;
}

/** That calendar day at that wall-clock time, in the user's zone. */
function atTimeOfDay(day: DateTime, time: TimeOfDay, zone: string): DateTime {
  const { hour, minute, second } = time;
  return wallClockInstant({ year: day.year, month: day.month, day: day.day, hour, minute, second }, zone);
}

function isFuture(reading: Dated, now: DateTime): boolean {
  return reading.kind === 'day' ? reading.day > now.startOf('day') : reading.at > now;
}

function dayOf(reading: Dated): DateTime {
  return reading.kind === 'day' ? reading.day : reading.at.startOf('day');
}

function instantOf(reading: Dated): DateTime {
  return reading.kind === 'day' ? reading.day : reading.at;
}

function parseDay(text: string | undefined, zone: string): DateTime | undefined {
  const parsed =
    text === undefined ? undefined : DateTime.fromFormat(text, DATE_FORMAT, { zone: zoneNamed(zone) });
  return parsed?.isValid ? parsed.startOf('day') : undefined;
}

function parseMoment(text: string | undefined, zone: string): DateTime | undefined {
  const parsed =
    text === undefined ? undefined : DateTime.fromFormat(text, DATE_TIME_FORMAT, { zone: 'utc' });
  return parsed?.isValid ? atTimeOfDay(parsed, parsed, zone) : undefined;
}

function parseClock(text: string | undefined): TimeOfDay | undefined {
  const parsed = text === undefined ? undefined : DateTime.fromFormat(text, TIME_FORMAT, { zone: 'utc' });
  return parsed?.isValid ? { hour: parsed.hour, minute: parsed.minute, second: parsed.second } : undefined;
}

function optional<T>(value: T | undefined, toCandidate: (value: T) => Candidate): Candidate[] {
  return value === undefined ? [] : [toCandidate(value)];
}
