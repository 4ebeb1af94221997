import { DateTime } from 'luxon';
import { PolicyContent } from '../../src/services/content/PolicyContent';

/**
 * The refund-request deadline (fact P3) a user in `timeZone` should be shown when the request came
 * `daysAgo` days ago, worked out independently of the bot: "Wednesday 2 December 2026".
 */
export function expectedDeadline(daysAgo: number, timeZone: string): string {
  const windowDays = PolicyContent.load().values.refundResponseWindowDays;
  return DateTime.now()
    .setZone(timeZone)
    .setLocale('en-GB')
    .minus({ days: daysAgo })
    .plus({ days: windowDays })
    .toFormat('cccc d LLLL yyyy');
}
