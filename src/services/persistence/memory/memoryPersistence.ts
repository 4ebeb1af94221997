import type { AppConfig } from '../../../config/configSchema';
import { InMemoryConversationLog } from '../../../channels/directline/InMemoryConversationLog';
import { InMemoryHandoffStore } from '../../../handoff/InMemoryHandoffStore';
import { InMemoryTranscriptStore } from '../../../handoff/InMemoryTranscriptStore';
import { InMemoryOutcomeStore } from '../../analytics/InMemoryOutcomeStore';
import { InMemoryDisputeStore } from '../../disputes/InMemoryDisputeStore';
import type { Logger } from '../../logging/logger';
import { InProcessJobQueue } from '../../notifications/jobs/InProcessJobQueue';
import { ReadVersionStorage } from '../../resilience/ReadVersionStorage';
import { SEEN_ACTIVITY_TTL_SECONDS } from '../../resilience/SeenActivities';
import { SharedRateLimiter } from '../../resilience/SharedRateLimiter';
import { EmbeddedStorage } from './EmbeddedStorage';
import { MemorySeenActivities } from './MemorySeenActivities';
import type { Persistence } from '../Persistence';

/** The part of the configuration the embedded stores read. */
export type MemoryPersistenceSettings = Pick<
  AppConfig,
  | 'STATE_TTL_SECONDS'
  | 'TRANSCRIPT_MAX_ENTRIES'
  | 'TRANSCRIPT_TTL_SECONDS'
  | 'DIRECTLINE_IDLE_TTL_SECONDS'
  | 'ANALYTICS_RETENTION_DAYS'
  | 'NOT_UNDERSTOOD_RETENTION_DAYS'
  | 'ANALYTICS_MAX_EVENTS_PER_DAY'
>;

/** Every store in this process's memory: the default without REDIS_URL; not durable, not shared. */
export function createMemoryPersistence(settings: MemoryPersistenceSettings, logger: Logger): Persistence {
  logger.warn(
    { event: 'storage_mode', mode: 'embedded', durable: false },
    'REDIS_URL is not set: state is kept in this process only, is NOT durable and is lost on restart',
  );
  return {
    mode: 'embedded',
    storage: new ReadVersionStorage(new EmbeddedStorage(settings.STATE_TTL_SECONDS)),
    disputes: new InMemoryDisputeStore(),
    handoffCases: new InMemoryHandoffStore(settings.TRANSCRIPT_MAX_ENTRIES),
    transcripts: new InMemoryTranscriptStore(
      settings.TRANSCRIPT_MAX_ENTRIES,
      settings.TRANSCRIPT_TTL_SECONDS,
    ),
    outcomes: new InMemoryOutcomeStore({
      outcomeDays: settings.ANALYTICS_RETENTION_DAYS,
      notUnderstoodDays: settings.NOT_UNDERSTOOD_RETENTION_DAYS,
      maxPerDay: settings.ANALYTICS_MAX_EVENTS_PER_DAY,
    }),
    directLineLog: new InMemoryConversationLog({ idleTtlSeconds: settings.DIRECTLINE_IDLE_TTL_SECONDS }),
    seenActivities: new MemorySeenActivities(SEEN_ACTIVITY_TTL_SECONDS),
    rateLimiters: (name, window) => new SharedRateLimiter({ ...window, keyPrefix: name }),
    jobQueues: (name, policy, handler) => new InProcessJobQueue({ name, policy, handler, logger }),
    circuitOpen: () => false,
    isReady: async () => true,
    close: async () => undefined,
  };
}
