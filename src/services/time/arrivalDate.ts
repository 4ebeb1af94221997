import type { DateTime } from 'luxon';
import { boundedForRecognizer, RecognizerBounds } from '../text/boundedForRecognizer';
import { recognizeDatePhrases } from './dateRecognizer';
import { readPhrase, type PhraseReading } from './phraseReading';
import type { UserClock } from './userClock';
import { readDaysAgo } from './daysAgo';
import { readLastWeekday } from './lastWeekday';
import { hasVagueWording, spanEnds } from './vagueWording';
import { recognizerReferenceFor, userNow, wallClockInstant } from './wallClock';

export type ArrivalPrecision = 'day' | 'time';

/** When the user says the refund request arrived. */
export type ArrivalResolution =
  /** arrivedAt is an instant; with day precision it is the start of that day in the user's zone. */
  | { kind: 'resolved'; arrivedAt: Date; precision: ArrivalPrecision }
  /** Only a future reading exists ("next Friday", "tomorrow"). */
  | { kind: 'future' }
  /** "last week", "between the 2nd and the 5th" (range); "recently", "a while ago" (too_vague). */
  | { kind: 'vague'; reason: 'range' | 'too_vague' }
  /** "last Monday" on a Thursday: this week's Monday or the week before's (days: start of each, UTC). */
  | { kind: 'ambiguous'; days: [Date, Date] }
  /** No date at all. */
  | { kind: 'none' };

type DatedReading = Extract<PhraseReading, { kind: 'day' | 'moment' }>;

/** A sentence that may name a day: a digit, or a word for a day, month or time. */
const MAY_HOLD_DATE =
  /\d|\b(?:today|yesterday|tonight|ago|last|this|next|week|month|year|morning|afternoon|evening|night|noon|midnight|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|first|second|third|between|from)/i;

/** "two days back" says "two days ago"; the recognizer reads it as a length of time. */
const DAYS_BACK =
  /\b(\d{1,3}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(days?|weeks?)\s+back\b/gi;
/** "wants the escrow back since tuesday": the request has stood since that day, so it came that day. */
const SINCE_DAY =
  /\bsince\s+(?=(?:last\s+)?(?:mon|tue|wed|thu|fri|sat|sun|yesterday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|the\s+\d|\d))/gi;

/** "the request is from the 23rd", "dated the 25th" date it; "from the 2nd to the 5th" stays a range. */
const FROM_DAY = /\b(?:from|dated)\s+(?=the\s+\d{1,2}(?:st|nd|rd|th)\b(?!\s*(?:-|to|till|until|and)\b))/gi;

/** "between 1/11/2026 and 3/11/2026" fits; the recognizer then answers within tens of ms. */
const DATE_BOUNDS: RecognizerBounds = { maxChars: 120, maxNumbers: 6 };

/**
 * Reads the user's answer to "when did the refund request arrive?" against their clock.
 * Ambiguous dates take their past reading; a part of a day counts from its start, the earlier and
 * safer reading for a deadline; answers naming more than one day are ranges.
 */
export function resolveArrivalDate(answer: string, clock: UserClock): ArrivalResolution {
  if (hasVagueWording(answer)) {
    return { kind: 'vague', reason: 'too_vague' };
  }
  // Only a bounded slice of a long answer goes to the recognizer (see boundedForRecognizer).
  const text = boundedForRecognizer(answer, MAY_HOLD_DATE, DATE_BOUNDS)
    .replace(DAYS_BACK, '$1 $2 ago')
    .replace(SINCE_DAY, 'on ')
    .replace(FROM_DAY, 'on ');
  const now = userNow(clock);
  const daysAgo = readDaysAgo(text, now);
  if (daysAgo) return { kind: 'resolved', arrivedAt: daysAgo.toJSDate(), precision: 'day' };
  const lastWeekday = readLastWeekday(text, now);
  if (lastWeekday?.kind === 'ambiguous') {
    return { kind: 'ambiguous', days: [lastWeekday.days[0].toJSDate(), lastWeekday.days[1].toJSDate()] };
  }
  if (lastWeekday) return { kind: 'resolved', arrivedAt: lastWeekday.day.toJSDate(), precision: 'day' };
  const reference = recognizerReferenceFor(clock);
  const phrases = recognizeDatePhrases(text, reference);
  if (phrases.length === 0) {
    // The recognizer finds no span in "between the 2nd and the 5th", though it knows "on the 2nd".
    const ends = spanEnds(text);
    const bothAreDates =
      ends?.every((end) => recognizeDatePhrases(`on ${end}`, reference).length > 0) ?? false;
    return bothAreDates ? { kind: 'vague', reason: 'range' } : { kind: 'none' };
  }
  const readings = phrases.map((phrase) => readPhrase(phrase, clock));
  if (readings.some((reading) => reading.kind === 'range')) {
    return { kind: 'vague', reason: 'range' };
  }
  if (readings.some((reading) => reading.kind === 'vague')) {
    return { kind: 'vague', reason: 'too_vague' };
  }
  const dated = readings.filter((reading): reading is DatedReading => reading.kind !== 'future');
  if (dated.length === 0) {
    return { kind: 'future' };
  }
  return combined(dated, clock);
}

/**
 * Several phrases in one answer: "on Monday, around 3pm" joins into one moment; phrases that agree
 * on a day keep the most precise (and earliest) reading; phrases naming different days are a range.
 */
function combined(readings: DatedReading[], clock: UserClock): ArrivalResolution {
  const isClockOnly = (reading: DatedReading) => reading.kind === 'moment' && reading.clockOnly;
  const clockTimes = readings.filter(isClockOnly);
  const named = readings.filter((reading) => !isClockOnly(reading));
  if (named.length === 0) {
    return resolved(earliestOf(clockTimes));
  }
  if (new Set(named.map((reading) => dayOf(reading).toISODate())).size > 1) {
    return { kind: 'vague', reason: 'range' };
  }
  const moments = named.filter((reading) => reading.kind === 'moment');
  if (moments.length > 0 || clockTimes.length === 0) {
    return resolved(earliestOf(moments.length > 0 ? moments : named));
  }
  // Only a day was named, and a time of day beside it: that day at that time, unless still ahead.
  const day = dayOf(named[0]);
  const time = instantOf(earliestOf(clockTimes));
  const at = wallClockInstant(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    clock.timeZone,
  );
  return at > userNow(clock)
    ? { kind: 'future' }
    : { kind: 'resolved', arrivedAt: at.toJSDate(), precision: 'time' };
}

/** The earliest of a non-empty list: when readings disagree within a day, the safer one for a deadline. */
function earliestOf(readings: DatedReading[]): DatedReading {
  return readings.reduce((best, reading) => (instantOf(reading) < instantOf(best) ? reading : best));
}

function resolved(reading: DatedReading): ArrivalResolution {
  return {
    kind: 'resolved',
    arrivedAt: instantOf(reading).toJSDate(),
    precision: reading.kind === 'day' ? 'day' : 'time',
  };
}

function dayOf(reading: DatedReading): DateTime {
  return reading.kind === 'day' ? reading.day : reading.at.startOf('day');
}

function instantOf(reading: DatedReading): DateTime {
  return reading.kind === 'day' ? reading.day : reading.at;
}
