import type { Cluster, Redis } from 'ioredis';
import type { StoredOutcome } from './outcomeEvent';
import type { NotUnderstoodEntry, OutcomeRetention, OutcomeStore } from './OutcomeStore';
import { dayOf, notUnderstoodEntryOf, withoutText } from './OutcomeStore';

const DAY_SECONDS = 24 * 60 * 60;

/**
 * Outcomes in Redis: one list per UTC day (JSON entries, the newest `maxPerDay` kept), expiring after
 * the retention. Every key shares one hash tag, so a turn's events go in one pipelined round trip,
 * also on a cluster.
 */
export class RedisOutcomeStore implements OutcomeStore {
  constructor(
    private readonly redis: Redis | Cluster,
    private readonly prefix: string,
    private readonly retention: OutcomeRetention,
  ) {}

  private outcomeKey(day: string): string {
    return `{${this.prefix}:analytics}:outcomes:${day}`;
  }

  private notUnderstoodKey(day: string): string {
    return `{${this.prefix}:analytics}:not-understood:${day}`;
  }

  async append(events: StoredOutcome[]): Promise<void> {
    if (events.length === 0) return;
    const pipeline = this.redis.pipeline();
    const { outcomeDays, notUnderstoodDays, maxPerDay } = this.retention;
    for (const event of events) {
      const outcomeKey = this.outcomeKey(dayOf(event.at));
      pipeline.rpush(outcomeKey, JSON.stringify(withoutText(event)));
      pipeline.ltrim(outcomeKey, -maxPerDay, -1);
      pipeline.expire(outcomeKey, (outcomeDays + 1) * DAY_SECONDS);
      const entry = notUnderstoodDays > 0 ? notUnderstoodEntryOf(event) : undefined;
      if (!entry) continue;
      const textKey = this.notUnderstoodKey(dayOf(entry.at));
      pipeline.rpush(textKey, JSON.stringify(entry));
      pipeline.ltrim(textKey, -maxPerDay, -1);
      pipeline.expire(textKey, notUnderstoodDays * DAY_SECONDS);
    }
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async outcomesOn(days: string[]): Promise<StoredOutcome[]> {
    const lists = await this.readLists(days.map((day) => this.outcomeKey(day)));
    return lists.flat().flatMap((raw) => parsed<StoredOutcome>(raw));
  }

  async notUnderstoodOn(days: string[]): Promise<NotUnderstoodEntry[]> {
    if (this.retention.notUnderstoodDays === 0) return [];
    const lists = await this.readLists(days.map((day) => this.notUnderstoodKey(day)));
    return lists
      .flat()
      .flatMap((raw) => parsed<NotUnderstoodEntry>(raw))
      .reverse();
  }

  private async readLists(keys: string[]): Promise<string[][]> {
    if (keys.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.lrange(key, 0, -1);
    const results = (await pipeline.exec()) ?? [];
    return results.map(([error, list]) => {
      if (error) throw error;
      return list as string[];
    });
  }
}

/** One stored entry; one that cannot be read is skipped rather than failing the whole report. */
function parsed<T>(raw: string): T[] {
  try {
    return [JSON.parse(raw) as T];
  } catch {
    return [];
  }
}
