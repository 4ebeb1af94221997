import { InMemoryConversationLog } from '../../../channels/directline/InMemoryConversationLog';
import { InMemoryHandoffStore } from '../../handoff/InMemoryHandoffStore';
import { InMemoryTranscriptStore } from '../../handoff/InMemoryTranscriptStore';
import { InMemoryOutcomeStore } from '../../analytics/InMemoryOutcomeStore';
import { InMemoryDisputeStore } from '../../disputes/InMemoryDisputeStore';
import type { Logger } from '../../logging/logger';
import { InProcessJobQueue } from '../../notifications/jobs/InProcessJobQueue';
import { ReadVersionStorage } from '../../resilience/ReadVersionStorage';
import { SEEN_ACTIVITY_TTL_SECONDS } from '../../resilience/SeenActivities';
import { SharedRateLimiter } from '../../resilience/SharedRateLimiter';
import { InMemoryStorage } from './InMemoryStorage';
import { InMemorySeenActivities } from './InMemorySeenActivities';
import { outcomeRetentionOf, Persistence, RetentionSettings } from '../Persistence';

/** Every store in this process's memory: the default without REDIS_URL; not durable, not shared. */
export function createMemoryPersistence(settings: RetentionSettings, logger: Logger): Persistence {
  logger.warn(
    { event: 'storage_mode', mode: 'embedded', durable: false },
    'REDIS_URL is not set: state is kept in this process only, is NOT durable and is lost on restart',
  );
  return {
    mode: 'embedded',
    storage: new ReadVersionStorage(new InMemoryStorage(settings.STATE_TTL_SECONDS)),
    disputes: new InMemoryDisputeStore(),
    handoffCases: new InMemoryHandoffStore(settings.TRANSCRIPT_MAX_ENTRIES),
    transcripts: new InMemoryTranscriptStore(
      settings.TRANSCRIPT_MAX_ENTRIES,
      settings.TRANSCRIPT_TTL_SECONDS,
    ),
    outcomes: new InMemoryOutcomeStore(outcomeRetentionOf(settings)),
    directLineLog: new InMemoryConversationLog({ idleTtlSeconds: settings.DIRECTLINE_IDLE_TTL_SECONDS }),
    seenActivities: new InMemorySeenActivities(SEEN_ACTIVITY_TTL_SECONDS),
    rateLimiters: (name, window) => new SharedRateLimiter({ ...window, keyPrefix: name }),
    jobQueues: (name, policy, handler) => new InProcessJobQueue({ name, policy, handler, logger }),
    circuitOpen: () => false,
    isReady: async () => true,
    close: async () => undefined,
  };
}
