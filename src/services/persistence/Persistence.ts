import type { Storage } from 'botbuilder';
import type { ConversationLog } from '../../channels/directline/ConversationLog';
import type { HandoffStore } from '../../handoff/HandoffStore';
import type { TranscriptStore } from '../../handoff/TranscriptStore';
import type { OutcomeStore } from '../analytics/OutcomeStore';
import type { DisputeStore } from '../disputes/DisputeStore';
import type { JobQueues } from '../notifications/jobs/JobQueue';
import type { RateLimiters } from '../resilience/SharedRateLimiter';
import type { SeenActivities } from '../resilience/SeenActivities';

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
