import { DateTime, IANAZone, Zone } from 'luxon';
import { zoneNamed } from '../../src/services/time/cachedZone';

// Zones with DST, half-hour and 45-minute offsets, and a 30-minute DST shift (Lord Howe).
const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
];
const MINUTE = 60 * 1000;

describe('zoneNamed: IANA zones with remembered offsets', () => {
  it.each(ZONES)('gives Intl offsets at every minute around the transitions of 2026 in %s', (name) => {
    const cached = zoneNamed(name) as Zone;
    const plain = IANAZone.create(name);
    const year = DateTime.fromObject({ year: 2026 }, { zone: 'utc' }).toMillis();
    // Each transition (found on the plain zone, hour by hour), then every 7 minutes and 13 s around it.
    for (let at = year; at < year + 366 * 24 * 60 * MINUTE; at += 60 * MINUTE) {
      if (plain.offset(at) === plain.offset(at + 60 * MINUTE)) continue;
      for (let ts = at - 3 * 60 * MINUTE; ts < at + 4 * 60 * MINUTE; ts += 7 * MINUTE + 13_000) {
        expect(cached.offset(ts)).toBe(plain.offset(ts));
      }
    }
  });

  it('builds the same dates as luxon with the zone name', () => {
    for (const name of ZONES) {
      for (const iso of ['2026-03-08T06:59:59.999Z', '2026-03-08T07:00:00Z', '2026-11-01T05:30:00Z']) {
        const at = new Date(iso);
        const viaName = DateTime.fromJSDate(at, { zone: name }).startOf('day').plus({ days: 7 }).endOf('day');
        const viaCached = DateTime.fromJSDate(at, { zone: zoneNamed(name) })
          .startOf('day')
          .plus({ days: 7 })
          .endOf('day');
        expect(viaCached.toISO()).toBe(viaName.toISO());
      }
    }
  });

  it('leaves UTC, fixed offsets and unknown names to luxon', () => {
    expect(zoneNamed('UTC')).toBe('UTC');
    expect(zoneNamed('UTC+2')).toBe('UTC+2');
    expect(zoneNamed('Fantasia/Castle')).toBe('Fantasia/Castle');
    expect(typeof zoneNamed('Europe/Paris')).toBe('object');
  });
});
