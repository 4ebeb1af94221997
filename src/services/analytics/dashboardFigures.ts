import { FUNNEL_STAGES, FunnelStage, StoredOutcome } from './outcomeEvent';

/** Like Copilot Studio's analytics sessions: 30 minutes without activity end a session. */
export const SESSION_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * Topics that do not engage a session (Copilot Studio's "system topics"): greeting, help and the
 * conversation's own commands. Asking for a person is counted as an escalation instead.
 */
export const SYSTEM_TOPICS: ReadonlySet<string> = new Set([
  'greeting',
  'start_over',
  'help',
  'cancel',
  'thanks',
  'goodbye',
  'out_of_scope',
  'talk_to_person',
]);

/** The topic whose sessions start the ended-contract funnel. */
const FUNNEL_TOPIC = 'file_ended';

export type SessionOutcome = 'resolved' | 'escalated' | 'abandoned' | 'active' | 'unengaged';

/** The figures of one day, or of the whole range. Rates are fractions (0..1), null with nothing to divide. */
export interface Figures {
  sessions: number;
  engaged: number;
  resolved: number;
  escalated: number;
  abandoned: number;
  /** Engaged, no outcome yet, and active within the last 30 minutes: not in the rates yet. */
  active: number;
  /** resolved / (resolved + escalated + abandoned): Copilot Studio's resolution rate. */
  containmentRate: number | null;
  escalationRate: number | null;
  abandonRate: number | null;
  csat: {
    responses: number;
    average: number | null;
    distribution: Record<'1' | '2' | '3' | '4' | '5', number>;
  };
  topics: Record<string, number>;
  funnel: Record<FunnelStage, number>;
  handoffReasons: Record<string, number>;
  handoffWaitSeconds: { accepted: number; p50: number | null; p90: number | null; max: number | null };
  /** Where users left flows: "topic/step" and how often. */
  abandonedAt: Record<string, number>;
  deadlinePassed: number;
  notUnderstood: number;
}

export interface DayFigures extends Figures {
  date: string;
}

export interface DashboardReport {
  from: string;
  to: string;
  totals: Figures;
  days: DayFigures[];
}

interface Session {
  day: string;
  events: StoredOutcome[];
}

/**
 * What one day adds up to, before rates and percentiles: tallies of days can be merged into the
 * figures of a range, and the tally of a day that is over never changes (so it can be kept).
 */
export interface DayTally {
  sessions: number;
  outcomes: Record<SessionOutcome, number>;
  ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
  topics: Record<string, number>;
  funnel: Record<FunnelStage, number>;
  handoffReasons: Record<string, number>;
  abandonedAt: Record<string, number>;
  waits: number[];
  deadlinePassed: number;
  notUnderstood: number;
}

export type DatedTally = DayTally & { date: string };

/**
 * The dashboard's figures from stored outcomes. A session is one conversation's run of events with no
 * gap over 30 minutes; it belongs to the day it started on. Its outcome follows Copilot Studio: engaged
 * once a topic starts or it is handed off; escalated if handed to a person; else resolved if contained;
 * else abandoned if the user left a flow or 30 minutes passed; else still active.
 */
export function dashboardReport(events: StoredOutcome[], days: string[], now: Date): DashboardReport {
  const tallies = dayTallies(events, days, now);
  return reportOf(days.map((date) => tallies.get(date) ?? { date, ...emptyTally() }));
}

/** The report of consecutive days from each day's tally, in order. */
export function reportOf(days: DatedTally[]): DashboardReport {
  return {
    from: days[0]?.date ?? '',
    to: days[days.length - 1]?.date ?? '',
    totals: figuresOf(mergeTallies(days)),
    days: days.map(({ date, ...tally }) => ({ date, ...figuresOf(tally) })),
  };
}

/** The tally of each of these days from the events read (sessions by their first day, events by their own). */
export function dayTallies(
  events: StoredOutcome[],
  days: string[],
  now: Date,
): Map<string, DayTally & { date: string }> {
  // Grouped once, so a long range costs one pass over the events, not one per day.
  const sessionsByDay = groupBy(sessionsOf(events), (session) => session.day);
  const eventsByDay = groupBy(events, (event) => event.at.slice(0, 10));
  return new Map(
    days.map((date) => [
      date,
      { date, ...tallyOf(sessionsByDay.get(date) ?? [], eventsByDay.get(date) ?? [], now) },
    ]),
  );
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function sessionsOf(events: StoredOutcome[]): Session[] {
  const byConversation = new Map<string, StoredOutcome[]>();
  for (const event of [...events].sort((a, b) => a.at.localeCompare(b.at))) {
    const list = byConversation.get(event.session) ?? [];
    list.push(event);
    byConversation.set(event.session, list);
  }
  const sessions: Session[] = [];
  for (const list of byConversation.values()) {
    let current: Session | undefined;
    let last = 0;
    for (const event of list) {
      const at = Date.parse(event.at);
      // An accepted hand-off belongs to the session that asked, however long the wait was.
      const continues = current && (at - last <= SESSION_TIMEOUT_MS || event.kind === 'handoff_accepted');
      if (!current || !continues) {
        current = { day: event.at.slice(0, 10), events: [] };
        sessions.push(current);
      }
      current.events.push(event);
      last = at;
    }
  }
  return sessions;
}

function outcomeOf(events: StoredOutcome[], now: Date): SessionOutcome {
  const has = (kind: StoredOutcome['kind']) => events.some((event) => event.kind === kind);
  if (has('handed_off')) return 'escalated';
  if (!events.some(isEngagingTopic)) return 'unengaged';
  if (has('contained')) return 'resolved';
  if (has('flow_abandoned')) return 'abandoned';
  const lastAt = Date.parse(events[events.length - 1]?.at ?? '');
  return now.getTime() - lastAt > SESSION_TIMEOUT_MS ? 'abandoned' : 'active';
}

function emptyTally(): DayTally {
  return {
    sessions: 0,
    outcomes: { resolved: 0, escalated: 0, abandoned: 0, active: 0, unengaged: 0 },
    ratings: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 },
    topics: {},
    funnel: Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>,
    handoffReasons: {},
    abandonedAt: {},
    waits: [],
    deadlinePassed: 0,
    notUnderstood: 0,
  };
}

function tallyOf(sessions: Session[], events: StoredOutcome[], now: Date): DayTally {
  const tally = emptyTally();
  tally.sessions = sessions.length;
  for (const session of sessions) {
    tally.outcomes[outcomeOf(session.events, now)] += 1;
    const reached = new Set(
      session.events.flatMap((event) => (event.kind === 'funnel' ? [event.stage] : [])),
    );
    if (session.events.some((event) => event.kind === 'topic_started' && event.topic === FUNNEL_TOPIC))
      reached.add('started');
    for (const stage of reached) tally.funnel[stage] += 1;
  }
  for (const event of events) {
    if (event.kind === 'csat_rated') tally.ratings[String(event.score) as keyof DayTally['ratings']] += 1;
    if (isEngagingTopic(event)) add(tally.topics, event.topic, 1);
    if (event.kind === 'handed_off') add(tally.handoffReasons, event.reason, 1);
    if (event.kind === 'flow_abandoned') add(tally.abandonedAt, `${event.topic}/${event.step}`, 1);
    if (event.kind === 'handoff_accepted') tally.waits.push(event.waitSeconds);
    if (event.kind === 'deadline_passed') tally.deadlinePassed += 1;
    if (event.kind === 'not_understood') tally.notUnderstood += 1;
  }
  return tally;
}

function mergeTallies(tallies: DayTally[]): DayTally {
  const merged = emptyTally();
  for (const tally of tallies) {
    merged.sessions += tally.sessions;
    for (const [key, value] of Object.entries(tally.outcomes))
      merged.outcomes[key as SessionOutcome] += value;
    for (const [key, value] of Object.entries(tally.ratings))
      merged.ratings[key as keyof DayTally['ratings']] += value;
    for (const [key, value] of Object.entries(tally.funnel)) merged.funnel[key as FunnelStage] += value;
    for (const [key, value] of Object.entries(tally.topics)) add(merged.topics, key, value);
    for (const [key, value] of Object.entries(tally.handoffReasons)) add(merged.handoffReasons, key, value);
    for (const [key, value] of Object.entries(tally.abandonedAt)) add(merged.abandonedAt, key, value);
    merged.waits.push(...tally.waits);
    merged.deadlinePassed += tally.deadlinePassed;
    merged.notUnderstood += tally.notUnderstood;
  }
  return merged;
}

function figuresOf(tally: DayTally): Figures {
  const { resolved, escalated, abandoned, active, unengaged } = tally.outcomes;
  const ended = resolved + escalated + abandoned;
  const rate = (part: number) => (ended === 0 ? null : round(part / ended, 4));
  const scores = Object.entries(tally.ratings);
  const responses = scores.reduce((sum, [, count]) => sum + count, 0);
  const scoreSum = scores.reduce((sum, [score, count]) => sum + Number(score) * count, 0);
  const waits = [...tally.waits].sort((a, b) => a - b);
  return {
    sessions: tally.sessions,
    engaged: tally.sessions - unengaged,
    resolved,
    escalated,
    abandoned,
    active,
    containmentRate: rate(resolved),
    escalationRate: rate(escalated),
    abandonRate: rate(abandoned),
    csat: {
      responses,
      average: responses === 0 ? null : round(scoreSum / responses, 2),
      distribution: { ...tally.ratings },
    },
    topics: { ...tally.topics },
    funnel: { ...tally.funnel },
    handoffReasons: { ...tally.handoffReasons },
    handoffWaitSeconds: {
      accepted: waits.length,
      p50: nearestRank(waits, 0.5),
      p90: nearestRank(waits, 0.9),
      max: waits.length === 0 ? null : (waits[waits.length - 1] ?? null),
    },
    abandonedAt: { ...tally.abandonedAt },
    deadlinePassed: tally.deadlinePassed,
    notUnderstood: tally.notUnderstood,
  };
}

function add(counts: Record<string, number>, key: string, value: number): void {
  counts[key] = (counts[key] ?? 0) + value;
}

function isEngagingTopic(event: StoredOutcome): event is StoredOutcome & { kind: 'topic_started' } {
  return event.kind === 'topic_started' && !SYSTEM_TOPICS.has(event.topic);
}

/** The nearest-rank percentile of sorted values (the smallest value with at least p of them at or below). */
export function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The UTC days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`);) {
    days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 24 * 60 * 60 * 1000);
  }
  return days;
}
