import { userClockFrom } from '../../src/services/time';

const DEFAULT_ZONE = 'Europe/Berlin';
const SPOKE_AT = new Date('2026-11-26T15:30:00Z');

describe('userClockFrom picks the user’s zone', () => {
  it.each<[string, Parameters<typeof userClockFrom>[0], string]>([
    ['their IANA zone', { localTimezone: 'America/New_York' }, 'America/New_York'],
    [
      'their IANA zone over the timestamp offset',
      { localTimezone: 'Asia/Kolkata', localTimestamp: '2026-11-26T10:30:00-05:00' },
      'Asia/Kolkata',
    ],
    [
      'the offset botbuilder kept in rawLocalTimestamp when the zone name is unknown',
      {
        localTimezone: 'Mars/Olympus_Mons',
        localTimestamp: new Date('2026-11-26T05:00:00Z'),
        rawLocalTimestamp: '2026-11-26T10:30:00.000+05:30',
      },
      'UTC+5:30',
    ],
    ['the offset of a string local timestamp', { localTimestamp: '2026-11-26T10:30:00-05:00' }, 'UTC-5'],
    [
      'the default when the local timestamp is a Date (its offset is lost)',
      { localTimestamp: SPOKE_AT },
      DEFAULT_ZONE,
    ],
    [
      'the default when the local timestamp has no offset',
      { localTimestamp: '2026-11-26T10:30:00' },
      DEFAULT_ZONE,
    ],
    ['the default when nothing is known', {}, DEFAULT_ZONE],
  ])('uses %s', (_case, activity, zone) => {
    expect(userClockFrom(activity, DEFAULT_ZONE, SPOKE_AT).timeZone).toBe(zone);
  });

  it('refuses a default that is not a time zone', () => {
    expect(() => userClockFrom({}, 'Not/AZone')).toThrow(RangeError);
  });
});

describe('userClockFrom picks "now"', () => {
  it('takes the given instant first', () => {
    const clock = userClockFrom({ timestamp: '2026-01-01T00:00:00Z' }, DEFAULT_ZONE, SPOKE_AT);
    expect(clock.now).toEqual(SPOKE_AT);
  });

  it('else the activity timestamp, as a Date or as a string', () => {
    expect(userClockFrom({ timestamp: SPOKE_AT }, DEFAULT_ZONE).now).toEqual(SPOKE_AT);
    expect(userClockFrom({ timestamp: '2026-11-26T15:30:00Z' }, DEFAULT_ZONE).now).toEqual(SPOKE_AT);
  });
});
