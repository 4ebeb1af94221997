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
 * The dashboard's figures from stored outcomes. A session is one conversation's run of events with no
 * gap over 30 minutes; it belongs to the day it started on. Its outcome follows Copilot Studio: engaged
 * once a topic starts or it is handed off; escalated if handed to a person; else resolved if contained;
 * else abandoned if the user left a flow or 30 minutes passed; else still active.
 */
export function dashboardReport(events: StoredOutcome[], days: string[], now: Date): DashboardReport {
  const sessions = sessionsOf(events);
  const perDay = days.map((date) => ({
    date,
    ...figuresOf(
      sessions.filter((session) => session.day === date),
      events.filter((event) => event.at.slice(0, 10) === date),
      now,
    ),
  }));
  const inRange = new Set(days);
  return {
    from: days[0] ?? '',
    to: days[days.length - 1] ?? '',
    totals: figuresOf(
      sessions.filter((session) => inRange.has(session.day)),
      events.filter((event) => inRange.has(event.at.slice(0, 10))),
      now,
    ),
    days: perDay,
  };
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

export function outcomeOf(events: StoredOutcome[], now: Date): SessionOutcome {
  const has = (kind: StoredOutcome['kind']) => events.some((event) => event.kind === kind);
  if (has('handed_off')) return 'escalated';
  if (!events.some(isEngagingTopic)) return 'unengaged';
  if (has('contained')) return 'resolved';
  if (has('flow_abandoned')) return 'abandoned';
  const lastAt = Date.parse(events[events.length - 1]?.at ?? '');
  return now.getTime() - lastAt > SESSION_TIMEOUT_MS ? 'abandoned' : 'active';
}

function figuresOf(sessions: Session[], events: StoredOutcome[], now: Date): Figures {
  const outcomes = sessions.map((session) => outcomeOf(session.events, now));
  const count = (outcome: SessionOutcome) => outcomes.filter((found) => found === outcome).length;
  const resolved = count('resolved');
  const escalated = count('escalated');
  const abandoned = count('abandoned');
  const ended = resolved + escalated + abandoned;
  const rate = (part: number) => (ended === 0 ? null : round(part / ended, 4));

  const ratings = events.flatMap((event) => (event.kind === 'csat_rated' ? [event.score] : []));
  const distribution = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const score of ratings) distribution[String(score) as keyof typeof distribution] += 1;

  const funnel = Object.fromEntries(FUNNEL_STAGES.map((stage) => [stage, 0])) as Record<FunnelStage, number>;
  for (const session of sessions) {
    const reached = new Set(
      session.events.flatMap((event) => (event.kind === 'funnel' ? [event.stage] : [])),
    );
    if (session.events.some((event) => event.kind === 'topic_started' && event.topic === FUNNEL_TOPIC))
      reached.add('started');
    for (const stage of reached) funnel[stage] += 1;
  }

  const waits = events
    .flatMap((event) => (event.kind === 'handoff_accepted' ? [event.waitSeconds] : []))
    .sort((a, b) => a - b);

  return {
    sessions: sessions.length,
    engaged: sessions.length - count('unengaged'),
    resolved,
    escalated,
    abandoned,
    active: count('active'),
    containmentRate: rate(resolved),
    escalationRate: rate(escalated),
    abandonRate: rate(abandoned),
    csat: {
      responses: ratings.length,
      average: ratings.length === 0 ? null : round(ratings.reduce((a, b) => a + b, 0) / ratings.length, 2),
      distribution,
    },
    topics: tally(events.flatMap((event) => (isEngagingTopic(event) ? [event.topic] : []))),
    funnel,
    handoffReasons: tally(events.flatMap((event) => (event.kind === 'handed_off' ? [event.reason] : []))),
    handoffWaitSeconds: {
      accepted: waits.length,
      p50: nearestRank(waits, 0.5),
      p90: nearestRank(waits, 0.9),
      max: waits.length === 0 ? null : (waits[waits.length - 1] ?? null),
    },
    abandonedAt: tally(
      events.flatMap((event) => (event.kind === 'flow_abandoned' ? [`${event.topic}/${event.step}`] : [])),
    ),
    deadlinePassed: events.filter((event) => event.kind === 'deadline_passed').length,
    notUnderstood: events.filter((event) => event.kind === 'not_understood').length,
  };
}

function isEngagingTopic(event: StoredOutcome): event is StoredOutcome & { kind: 'topic_started' } {
  return event.kind === 'topic_started' && !SYSTEM_TOPICS.has(event.topic);
}

/** The nearest-rank percentile of sorted values (the smallest value with at least p of them at or below). */
export function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

function tally(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
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
