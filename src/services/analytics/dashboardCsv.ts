import { FUNNEL_STAGES } from './outcomeEvent';
import type { DashboardReport, Figures } from './dashboardFigures';

/** The dashboard's figures as CSV: one row per day, then a "total" row for the whole range. */
export function dashboardCsv(report: DashboardReport): string {
  const rows = [...report.days, { date: 'total', ...report.totals }];
  const topics = [...new Set(rows.flatMap((row) => Object.keys(row.topics)))].sort();
  const columns: Array<[string, (figures: Figures) => number | null]> = [
    ['sessions', (f) => f.sessions],
    ['engaged', (f) => f.engaged],
    ['resolved', (f) => f.resolved],
    ['escalated', (f) => f.escalated],
    ['abandoned', (f) => f.abandoned],
    ['active', (f) => f.active],
    ['containment_rate', (f) => f.containmentRate],
    ['escalation_rate', (f) => f.escalationRate],
    ['abandon_rate', (f) => f.abandonRate],
    ['csat_responses', (f) => f.csat.responses],
    ['csat_average', (f) => f.csat.average],
    ...(['1', '2', '3', '4', '5'] as const).map((score): [string, (f: Figures) => number] => [
      `csat_${score}`,
      (f) => f.csat.distribution[score],
    ]),
    ...FUNNEL_STAGES.map((stage): [string, (f: Figures) => number] => [
      `funnel_${stage}`,
      (f) => f.funnel[stage],
    ]),
    ['handoffs_accepted', (f) => f.handoffWaitSeconds.accepted],
    ['handoff_wait_p50_seconds', (f) => f.handoffWaitSeconds.p50],
    ['handoff_wait_p90_seconds', (f) => f.handoffWaitSeconds.p90],
    ['deadline_passed', (f) => f.deadlinePassed],
    ['not_understood', (f) => f.notUnderstood],
    ...topics.map((topic): [string, (f: Figures) => number] => [
      `topic_${topic}`,
      (f) => f.topics[topic] ?? 0,
    ]),
  ];
  const header = ['date', ...columns.map(([name]) => name)].join(',');
  const lines = rows.map((row) =>
    [row.date, ...columns.map(([, value]) => String(value(row) ?? ''))].join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
