import { dashboardReport, nearestRank } from '../../src/services/analytics/dashboardFigures';
import { DashboardReports } from '../../src/services/analytics/DashboardReports';
import type { OutcomeEvent, StoredOutcome } from '../../src/services/analytics/outcomeEvent';
import type { OutcomeStore } from '../../src/services/analytics/OutcomeStore';

const DAY = '2026-03-10';
const at = (time: string) => `${DAY}T${time}:00.000Z`;
const event = (session: string, time: string, happened: OutcomeEvent): StoredOutcome => ({
  ...happened,
  at: at(time),
  session,
  channel: 'webchat',
});
const figuresAt = (events: StoredOutcome[], now: string) =>
  dashboardReport(events, [DAY], new Date(at(now))).totals;

describe('how the dashboard counts sessions and outcomes', () => {
  it('ends a session after 30 minutes without activity: a quiet engaged session is abandoned, a recent one active', () => {
    const events = [
      event('a', '09:00', { kind: 'topic_started', topic: 'guide_fees' }),
      // 31 minutes later: a new session of the same conversation, still active at 09:40.
      event('a', '09:31', { kind: 'topic_started', topic: 'eligibility' }),
    ];
    expect(figuresAt(events, '09:40')).toEqual(
      expect.objectContaining({ sessions: 2, engaged: 2, abandoned: 1, active: 1, abandonRate: 1 }),
    );
    expect(figuresAt(events, '10:02')).toEqual(
      expect.objectContaining({ sessions: 2, abandoned: 2, active: 0, abandonRate: 1 }),
    );
  });

  it('counts escalation over containment, and greetings or help alone as not engaged', () => {
    const events = [
      event('b', '10:00', { kind: 'topic_started', topic: 'guide_fees' }),
      event('b', '10:01', { kind: 'contained' }),
      event('b', '10:02', { kind: 'handed_off', reason: 'asked_for_person' }),
      event('c', '10:00', { kind: 'topic_started', topic: 'help' }),
      event('c', '10:01', { kind: 'contained' }),
      event('d', '10:00', { kind: 'topic_started', topic: 'my_disputes' }),
      event('d', '10:03', { kind: 'contained' }),
    ];
    expect(figuresAt(events, '10:05')).toEqual(
      expect.objectContaining({
        sessions: 3,
        engaged: 2,
        escalated: 1,
        resolved: 1,
        containmentRate: 0.5,
        escalationRate: 0.5,
        topics: { guide_fees: 1, my_disputes: 1 },
      }),
    );
  });

  it('takes hand-off wait percentiles by nearest rank, and keeps a late accept in its session', () => {
    const waits = [40, 10, 100, 30, 20];
    const events = waits.flatMap((waitSeconds, index) => [
      event(`w${index}`, '11:00', { kind: 'handed_off', reason: 'active_contract' }),
      // Accepted after more than 30 minutes: still the same session, not a new one.
      event(`w${index}`, '11:45', { kind: 'handoff_accepted', waitSeconds }),
    ]);
    const figures = figuresAt(events, '12:00');
    expect(figures.sessions).toBe(5);
    expect(figures.handoffWaitSeconds).toEqual({ accepted: 5, p50: 30, p90: 100, max: 100 });
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
  });

  it('gives null rates and averages, not zero or NaN, when there is nothing to divide', () => {
    const figures = figuresAt([], '12:00');
    expect(figures).toEqual(
      expect.objectContaining({
        sessions: 0,
        containmentRate: null,
        escalationRate: null,
        abandonRate: null,
      }),
    );
    expect(figures.csat.average).toBeNull();
  });
});

describe('the report over a range of days', () => {
  it('keeps the tally of a day that is over, and reads from the store only the days still moving', async () => {
    const yesterday = '2026-03-09';
    const stored: StoredOutcome[] = [
      {
        kind: 'topic_started',
        topic: 'guide_fees',
        at: `${yesterday}T23:50:00.000Z`,
        session: 'late',
        channel: 'slack',
      },
      // The session runs past midnight: its outcome is on the next day, and still counts for the day it began.
      { kind: 'contained', at: `${DAY}T00:05:00.000Z`, session: 'late', channel: 'slack' },
      { kind: 'topic_started', topic: 'eligibility', at: at('09:00'), session: 'today', channel: 'slack' },
    ];
    const reads: string[][] = [];
    const store: OutcomeStore = {
      append: async () => undefined,
      outcomesOn: async (days) => {
        reads.push(days);
        return stored.filter((event) => days.includes(event.at.slice(0, 10)));
      },
      notUnderstoodOn: async () => [],
    };
    const reports = new DashboardReports(store, 90, () => new Date(at('09:10')));

    const first = await reports.report([yesterday, DAY]);
    expect(first.days.map((day) => [day.date, day.sessions, day.resolved, day.active])).toEqual([
      [yesterday, 1, 1, 0],
      [DAY, 1, 0, 1],
    ]);
    expect(first.totals).toEqual(
      expect.objectContaining({ sessions: 2, resolved: 1, active: 1, containmentRate: 1 }),
    );
    expect(reads).toEqual([['2026-03-08', yesterday, DAY, '2026-03-11']]);

    const second = await reports.report([yesterday, DAY]);
    expect(second).toEqual(first);
    // Yesterday is over (past midnight + 30 min + late writes): only today, with its neighbours, is read.
    expect(reads[1]).toEqual([yesterday, DAY, '2026-03-11']);
  });
});
