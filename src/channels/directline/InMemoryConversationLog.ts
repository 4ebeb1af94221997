import type { Activity } from 'botbuilder';
import {
  activityIdAt,
  ActivityPage,
  ConversationLog,
  ConversationRecord,
  DEFAULT_MAX_ACTIVITIES,
} from './ConversationLog';

interface Entry {
  record: ConversationRecord;
  started: boolean;
  /** How many activities the conversation has had; the kept ones are the last `kept.length`. */
  count: number;
  /** JSON, as Redis keeps them, so a reader can never change what is stored. */
  kept: string[];
  expiresAt: number;
}

export interface InMemoryConversationLogOptions {
  idleTtlSeconds: number;
  maxActivities?: number;
  now?: () => number;
}

/** The conversation log in this process's memory: for one process (development, tests). */
export class InMemoryConversationLog implements ConversationLog {
  private readonly entries = new Map<string, Entry>();
  private readonly maxActivities: number;
  private readonly now: () => number;

  constructor(private readonly options: InMemoryConversationLogOptions) {
    this.maxActivities = options.maxActivities ?? DEFAULT_MAX_ACTIVITIES;
    this.now = options.now ?? Date.now;
  }

  async create(record: ConversationRecord): Promise<void> {
    this.sweepExpired();
    this.entries.set(record.id, {
      record: { ...record, user: { ...record.user } },
      started: false,
      count: 0,
      kept: [],
      expiresAt: this.nextExpiry(),
    });
  }

  async find(conversationId: string): Promise<ConversationRecord | undefined> {
    const entry = this.live(conversationId);
    return entry ? { ...entry.record, user: { ...entry.record.user } } : undefined;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const entry = this.live(conversationId);
    if (!entry || entry.started) return false;
    entry.started = true;
    entry.expiresAt = this.nextExpiry();
    return true;
  }

  async append(conversationId: string, activity: Partial<Activity>): Promise<string | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const position = entry.count;
    entry.count += 1;
    entry.kept.push(JSON.stringify(activity));
    if (entry.kept.length > this.maxActivities) entry.kept.splice(0, entry.kept.length - this.maxActivities);
    entry.expiresAt = this.nextExpiry();
    return activityIdAt(conversationId, position);
  }

  async readAfter(conversationId: string, watermark: number): Promise<ActivityPage | undefined> {
    const entry = this.live(conversationId);
    if (!entry) return undefined;
    const firstKept = entry.count - entry.kept.length;
    const from = Math.max(watermark, firstKept);
    const activities = entry.kept.slice(from - firstKept).map((json, offset) => ({
      ...(JSON.parse(json) as Partial<Activity>),
      id: activityIdAt(conversationId, from + offset),
    }));
    return { activities, watermark: entry.count };
  }

  private live(conversationId: string): Entry | undefined {
    const entry = this.entries.get(conversationId);
    if (entry && entry.expiresAt <= this.now()) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return entry;
  }

  private sweepExpired(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(id);
  }

  private nextExpiry(): number {
    return this.now() + this.options.idleTtlSeconds * 1000;
  }
}
