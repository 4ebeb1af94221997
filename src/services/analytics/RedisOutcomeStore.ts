import type { Cluster, Redis } from 'ioredis';
import { RedisLuaScript } from '../storage/redisLuaScript';
import type { StoredOutcome } from './outcomeEvent';
import type { NotUnderstoodEntry, OutcomeRetention, OutcomeStore } from './OutcomeStore';
import { dayOf, notUnderstoodEntryOf, withoutText } from './OutcomeStore';

const DAY_SECONDS = 24 * 60 * 60;

// One command per day's events (a turn's are one day's): append to the day's outcome list and, when
// there are any, to its not-understood list; keep the newest entries; renew both expiries.
// KEYS: outcome list, not-understood list. ARGV: max per day, the two TTLs in seconds, the number of
// outcome entries, those entries, then the not-understood entries.
const APPEND = new RedisLuaScript(`
local outcomes = tonumber(ARGV[4])
redis.call('RPUSH', KEYS[1], unpack(ARGV, 5, 4 + outcomes))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
if #ARGV > 4 + outcomes then
  redis.call('RPUSH', KEYS[2], unpack(ARGV, 5 + outcomes))
  redis.call('LTRIM', KEYS[2], -tonumber(ARGV[1]), -1)
  redis.call('EXPIRE', KEYS[2], ARGV[3])
end
return 1`);

/**
 * Outcomes in Redis: one list per UTC day (JSON entries, the newest `maxPerDay` kept), expiring after
 * the retention. Every key shares one hash tag, so a turn's events go in one script call (one round trip),
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
    const { outcomeDays, notUnderstoodDays, maxPerDay } = this.retention;
    const byDay = new Map<string, { outcomes: string[]; notUnderstood: string[] }>();
    for (const event of events) {
      const day = dayOf(event.at);
      const lists = byDay.get(day) ?? { outcomes: [], notUnderstood: [] };
      byDay.set(day, lists);
      lists.outcomes.push(JSON.stringify(withoutText(event)));
      const entry = notUnderstoodDays > 0 ? notUnderstoodEntryOf(event) : undefined;
      if (entry) lists.notUnderstood.push(JSON.stringify(entry));
    }
    await Promise.all(
      [...byDay].map(([day, lists]) =>
        APPEND.run(
          this.redis,
          [this.outcomeKey(day), this.notUnderstoodKey(day)],
          [
            String(maxPerDay),
            String((outcomeDays + 1) * DAY_SECONDS),
            String(notUnderstoodDays * DAY_SECONDS),
            String(lists.outcomes.length),
            ...lists.outcomes,
            ...lists.notUnderstood,
          ],
        ),
      ),
    );
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
