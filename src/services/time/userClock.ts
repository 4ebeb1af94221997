import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';

/** Where and when the user is: every date they mention is read against this, never the server's zone. */
export interface UserClock {
  /** The instant the user spoke. */
  now: Date;
  /** An IANA zone ("Europe/Berlin") or a fixed offset ("UTC-5") luxon understands. */
  timeZone: string;
}

/** The activity fields that tell us the user's zone and time (botbuilder keeps the raw local stamp). */
export interface ClockActivity {
  localTimezone?: string;
  localTimestamp?: Date | string;
  /** botbuilder turns `localTimestamp` into a Date, which loses the offset; the original string is kept here. */
  rawLocalTimestamp?: string;
  timestamp?: Date | string;
}

/**
 * The user's zone and "now" for one activity.
 * Zone: `localTimezone` when it is a valid IANA zone, else the offset written in the local timestamp
 * (a fixed zone: it cannot follow DST, but it is right for today), else `defaultTimeZone`.
 * Now: `now` when given, else the activity's timestamp, else the current instant.
 */
export function userClockFrom(activity: ClockActivity, defaultTimeZone: string, now?: Date): UserClock {
  if (!isKnownZone(defaultTimeZone) && !isFixedOffsetZone(defaultTimeZone)) {
    throw new RangeError(`defaultTimeZone is not a time zone: ${defaultTimeZone}`);
  }
  return {
    now: now ?? instantFrom(activity.timestamp) ?? new Date(),
    timeZone: zoneFrom(activity) ?? defaultTimeZone,
  };
}

function zoneFrom(activity: ClockActivity): string | undefined {
  const named = activity.localTimezone?.trim();
  if (named && isKnownZone(named)) {
    return named;
  }
  const stamp =
    activity.rawLocalTimestamp ??
    (typeof activity.localTimestamp === 'string' ? activity.localTimestamp : undefined);
  return stamp === undefined ? undefined : offsetZoneOf(stamp);
}

/** "2026-11-26T10:30:00-05:00" -> "UTC-5". A stamp without an offset says nothing about the zone. */
function offsetZoneOf(stamp: string): string | undefined {
  const trimmed = stamp.trim();
  if (!/(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed)) {
    return undefined;
  }
  const parsed = DateTime.fromISO(trimmed, { setZone: true });
  return parsed.isValid ? FixedOffsetZone.instance(parsed.offset).name : undefined;
}

function instantFrom(value: Date | string | undefined): Date | undefined {
  if (value === undefined) {
    return undefined;
  }
  const instant = value instanceof Date ? value : new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function isFixedOffsetZone(zone: string): boolean {
  return FixedOffsetZone.parseSpecifier(zone) !== null;
}

const zoneValidity = new Map<string, boolean>();

/** Zone names repeat on every turn; luxon's check builds a formatter each time, so remember the answer. */
function isKnownZone(name: string): boolean {
  let valid = zoneValidity.get(name);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(name);
    if (zoneValidity.size < 1000) zoneValidity.set(name, valid);
  }
  return valid;
}
