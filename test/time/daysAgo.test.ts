import { resolveArrivalDate, warmUpDateRecognizer } from '../../src/services/time';
import { userClockAt } from './userClockAt';

beforeAll(() => {
  warmUpDateRecognizer();
});

/**
 * "today", "yesterday" and "N days ago" skip the date recognizer. Said with a few more words
 * ("it came 3 days ago") they still go through it, so both readings can be compared: they must agree,
 * in every zone and across a daylight-saving change.
 */
describe('the quick reading of "N days ago" agrees with the recognizer', () => {
  const moments: Array<[string, string]> = [
    ['America/New_York', '2026-11-26T10:30'],
    ['America/New_York', '2026-11-03T00:30'],
    ['Europe/Berlin', '2026-10-26T23:50'],
    ['Pacific/Auckland', '2026-04-06T08:00'],
    ['Asia/Kolkata', '2027-01-01T09:00'],
    ['UTC', '2026-03-01T12:00'],
  ];
  const answers = [
    'today',
    'yesterday',
    'a day ago',
    '1 day ago',
    '3 days ago',
    'two days ago',
    '10 days ago',
  ];

  it.each(moments)('in %s at %s', (timeZone, localTime) => {
    const clock = userClockAt(localTime, timeZone);
    for (const answer of answers) {
      const quick = resolveArrivalDate(answer, clock);
      expect(quick.kind).toBe('resolved');
      expect({ answer, reading: quick }).toEqual({
        answer,
        reading: resolveArrivalDate(`it came ${answer}`, clock),
      });
    }
  });
});
