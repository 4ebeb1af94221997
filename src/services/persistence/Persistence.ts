import type { Storage } from 'botbuilder';
import type { AppConfig } from '../../config/configSchema';
import type { ConversationLog } from '../../channels/directline/ConversationLog';
import type { HandoffStore } from '../handoff/HandoffStore';
import type { TranscriptStore } from '../handoff/TranscriptStore';
import type { OutcomeRetention, OutcomeStore } from '../analytics/OutcomeStore';
import type { DisputeStore } from '../disputes/DisputeStore';
import type { JobQueues } from '../notifications/jobs/JobQueue';
import type { RateLimiters } from '../resilience/SharedRateLimiter';
import type { SeenActivities } from '../resilience/SeenActivities';

/** What both modes read from the configuration: how long, and how much, each store keeps. */
export type RetentionSettings = Pick<
  AppConfig,
  | 'STATE_TTL_SECONDS'
  | 'TRANSCRIPT_MAX_ENTRIES'
  | 'TRANSCRIPT_TTL_SECONDS'
  | 'DIRECTLINE_IDLE_TTL_SECONDS'
  | 'ANALYTICS_RETENTION_DAYS'
  | 'NOT_UNDERSTOOD_RETENTION_DAYS'
  | 'ANALYTICS_MAX_EVENTS_PER_DAY'
>;

export function outcomeRetentionOf(settings: RetentionSettings): OutcomeRetention {
  return {
    outcomeDays: settings.ANALYTICS_RETENTION_DAYS,
    notUnderstoodDays: settings.NOT_UNDERSTOOD_RETENTION_DAYS,
    maxPerDay: settings.ANALYTICS_MAX_EVENTS_PER_DAY,
  };
}

/**
 * Every store the assistant keeps data in, for one mode: Redis (durable, shared by every process;
 * `redis/`) or this process's memory (the embedded default; `memory/`). The composition root picks
 * the mode once; nothing else asks which one runs.
 */
export interface Persistence {
  readonly mode: 'redis' | 'embedded';
  /** Bot state: botbuilder's Storage contract, keys `{channelId}/conversations/{id}/...` under the prefix. */
  readonly storage: Storage;
  readonly disputes: DisputeStore;
  readonly handoffCases: HandoffStore;
  readonly transcripts: TranscriptStore;
  /** Conversation outcomes for the supervisor dashboard. */
  readonly outcomes: OutcomeStore;
  /** The local Direct Line channel's conversations and activities. */
  readonly directLineLog: ConversationLog;
  /** Activity ids already taken in (dedupe of redelivered activities). */
  readonly seenActivities: SeenActivities;
  /** Rate limits shared by every process (each process counts alone while Redis is unreachable). */
  readonly rateLimiters: RateLimiters;
  /** Notification and reminder queues: BullMQ on Redis, timers in this process. */
  readonly jobQueues: JobQueues;
  /** True while the storage circuit breaker refuses Redis calls (never in memory). */
  circuitOpen(): boolean;
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}
