import type { PolicyContent } from '../../services/content/PolicyContent';
import type { InfoReply } from '../../services/replies/reply';
import { computeDeadline, formatDeadline, formatTimeLeft, type UserClock } from '../../services/time';
import { say } from '../../services/content/responses';
import { capitalize } from '../sentenceCase';
import type { KnownArrival } from '../slots/KnownSlots';

export interface DeadlineReply {
  passed: boolean;
  /** The deadline in the user's zone, for later reminders in the flow. */
  deadline: Date;
  deadlineText: string;
  message: InfoReply;
}

/**
 * The deadline a refund request sets (fact P3), said for the day it arrived: either the time left,
 * or plainly that the window has closed (with S1: what happens then). Recomputed whenever the day changes.
 */
export function deadlineReply(
  arrival: KnownArrival,
  content: PolicyContent,
  clock: UserClock,
): DeadlineReply {
  const windowDays = content.values.refundResponseWindowDays;
  const deadline = computeDeadline(
    { arrivedAt: new Date(arrival.arrivedAt), precision: arrival.precision },
    windowDays,
    clock,
  );
  const when = formatDeadline(deadline, clock.timeZone);
  const timeLeft = formatTimeLeft(deadline);
  if (deadline.passed) {
    return {
      passed: true,
      deadline: deadline.deadline,
      deadlineText: when,
      message: {
        kind: 'info',
        title: say('ended.closedTitle', content.values),
        lines: [
          say('ended.closed', content.values, { days: String(windowDays), when, timeLeft }),
          content.fact('S1'),
          say('ended.closedPointer', content.values),
        ],
      },
    };
  }
  const precisionNote = deadline.precision === 'day' ? say('ended.deadlineDayNote', content.values) : '';
  return {
    passed: false,
    deadline: deadline.deadline,
    deadlineText: when,
    message: {
      kind: 'info',
      lines: [say('ended.deadline', content.values, { when, precisionNote, timeLeft: capitalize(timeLeft) })],
    },
  };
}
