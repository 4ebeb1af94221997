import type { Server } from 'restify';
import { z } from 'zod';
import { dashboardCsv } from '../../services/analytics/dashboardCsv';
import { daysBetween } from '../../services/analytics/dashboardFigures';
import { DashboardReports } from '../../services/analytics/DashboardReports';
import type { OutcomeStore } from '../../services/analytics/OutcomeStore';
import type { Logger } from '../../services/logging/logger';
import type { AgentAuthenticator } from './agentAuth';
import { agentRoute, InvalidRequestError, parseRequest, queryOf } from './agentHttp';

const SUPERVISORS = ['supervisor'] as const;
/** The longest range one request may ask for. */
const MAX_RANGE_DAYS = 92;
const DAY_MS = 24 * 60 * 60 * 1000;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'must be a real date');

const rangeQuerySchema = z.object({ from: isoDay.optional(), to: isoDay.optional() }).strict();

/**
 * The supervisors' view: the dashboard's figures per day over a range (JSON or CSV) and the messages
 * the assistant did not understand (masked). Only the `supervisor` role may read them (403 otherwise).
 */
export function registerSupervisorRoutes(
  server: Server,
  deps: {
    auth: AgentAuthenticator;
    outcomes: OutcomeStore;
    /** ANALYTICS_RETENTION_DAYS: figures of older days are not kept either. */
    retentionDays: number;
    logger: Logger;
    clock?: () => Date;
  },
): void {
  const now = deps.clock ?? (() => new Date());
  const route = (handler: Parameters<typeof agentRoute>[3]) =>
    agentRoute(deps.auth, SUPERVISORS, deps.logger, handler);
  const daysOf = (req: Parameters<Parameters<typeof agentRoute>[3]>[0]) =>
    rangeDays(parseRequest(rangeQuerySchema, queryOf(req), 'query'), now());
  const reports = new DashboardReports(deps.outcomes, deps.retentionDays, now);
  const reportOf = (days: string[]) => reports.report(days);

  server.get(
    '/api/agent/analytics',
    route(async (req, res) => {
      res.send(200, await reportOf(daysOf(req)));
    }),
  );

  server.get(
    '/api/agent/analytics.csv',
    route(async (req, res) => {
      const days = daysOf(req);
      const body = dashboardCsv(await reportOf(days));
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="assistant-figures-${days[0]}-to-${days[days.length - 1]}.csv"`,
      });
      res.end(body);
    }),
  );

  server.get(
    '/api/agent/not-understood',
    route(async (req, res) => {
      const days = daysOf(req);
      res.send(200, {
        from: days[0],
        to: days[days.length - 1],
        messages: await deps.outcomes.notUnderstoodOn(days),
      });
    }),
  );
}

/** The asked range; by default the last 7 days up to today (UTC). */
function rangeDays(query: { from?: string; to?: string }, now: Date): string[] {
  const to = query.to ?? now.toISOString().slice(0, 10);
  const from = query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 6 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) throw new InvalidRequestError('query.from: must not be after query.to');
  const days = daysBetween(from, to);
  if (days.length > MAX_RANGE_DAYS)
    throw new InvalidRequestError(`query: a range may span at most ${MAX_RANGE_DAYS} days`);
  return days;
}
