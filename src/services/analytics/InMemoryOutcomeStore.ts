import type { StoredOutcome } from './outcomeEvent';
import type { NotUnderstoodEntry, OutcomeRetention, OutcomeStore } from './OutcomeStore';
import { dayOf, notUnderstoodEntryOf, withoutText } from './OutcomeStore';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Outcomes in this process's memory (embedded mode): per day, the newest kept, old days dropped. */
export class InMemoryOutcomeStore implements OutcomeStore {
  private readonly outcomes = new Map<string, StoredOutcome[]>();
  private readonly notUnderstood = new Map<string, NotUnderstoodEntry[]>();

  constructor(
    private readonly retention: OutcomeRetention,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(events: StoredOutcome[]): Promise<void> {
    for (const event of events) {
      this.push(this.outcomes, dayOf(event.at), withoutText(event));
      const entry = this.retention.notUnderstoodDays > 0 ? notUnderstoodEntryOf(event) : undefined;
      if (entry) this.push(this.notUnderstood, dayOf(entry.at), entry);
    }
    this.dropOlderThan(this.outcomes, this.retention.outcomeDays);
    this.dropOlderThan(this.notUnderstood, this.retention.notUnderstoodDays);
  }

  async outcomesOn(days: string[]): Promise<StoredOutcome[]> {
    this.dropOlderThan(this.outcomes, this.retention.outcomeDays);
    return days.flatMap((day) => this.outcomes.get(day) ?? []);
  }

  async notUnderstoodOn(days: string[]): Promise<NotUnderstoodEntry[]> {
    this.dropOlderThan(this.notUnderstood, this.retention.notUnderstoodDays);
    return days.flatMap((day) => this.notUnderstood.get(day) ?? []).reverse();
  }

  private push<T>(lists: Map<string, T[]>, day: string, item: T): void {
    const list = lists.get(day) ?? [];
    list.push(item);
    if (list.length > this.retention.maxPerDay) list.splice(0, list.length - this.retention.maxPerDay);
    lists.set(day, list);
  }

  private dropOlderThan<T>(lists: Map<string, T[]>, days: number): void {
    const oldest = dayOf(new Date(this.clock().getTime() - days * DAY_MS).toISOString());
    for (const day of lists.keys()) if (day < oldest || days === 0) lists.delete(day);
  }
}
