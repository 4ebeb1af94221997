import { DatedTally, dayTallies, DashboardReport, reportOf, SESSION_TIMEOUT_MS } from './dashboardFigures';
import type { OutcomeStore } from './OutcomeStore';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Outcomes are written at most this long after what they record (a turn's end, a late write). */
const LATE_WRITE_MS = 60 * 60 * 1000;
/** Days whose tallies are kept in memory at most (a year and a bit). */
const MAX_KEPT_DAYS = 400;

/**
 * The supervisors' report over a range of days. The tally of a day that is over (its sessions have
 * timed out and its writes have landed) never changes, so it is kept: a long range reads from the
 * store only the days still moving, with the day before and after each (sessions cross midnight).
 */
export class DashboardReports {
  private readonly finalDays = new Map<string, DatedTally>();

  constructor(
    private readonly store: OutcomeStore,
    private readonly retentionDays: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async report(days: string[]): Promise<DashboardReport> {
    const now = this.clock();
    this.forgetExpired(now);
    const missing = days.filter((day) => !this.finalDays.has(day));
    const toRead = [...new Set(missing.flatMap((day) => [shift(day, -1), day, shift(day, 1)]))].sort();
    const fresh = dayTallies(missing.length > 0 ? await this.store.outcomesOn(toRead) : [], missing, now);
    for (const [day, tally] of fresh) if (isOver(day, now)) this.keep(day, tally);
    return reportOf(days.map((day) => (this.finalDays.get(day) ?? fresh.get(day)) as DatedTally));
  }

  private keep(day: string, tally: DatedTally): void {
    this.finalDays.set(day, tally);
    if (this.finalDays.size > MAX_KEPT_DAYS)
      this.finalDays.delete(this.finalDays.keys().next().value as string);
  }

  /** A day past the store's retention is gone from the store: it is dropped here too. */
  private forgetExpired(now: Date): void {
    const oldest = new Date(now.getTime() - this.retentionDays * DAY_MS).toISOString().slice(0, 10);
    for (const day of this.finalDays.keys()) if (day < oldest) this.finalDays.delete(day);
  }
}

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function isOver(day: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${day}T00:00:00Z`) + DAY_MS + SESSION_TIMEOUT_MS + LATE_WRITE_MS;
}
