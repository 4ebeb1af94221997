import type { AppConfig } from '../../config/configSchema';
import { guardedPort } from '../resilience/guardedPort';
import type { StateBackend } from '../storage/StateBackend';
import type { HandoffStore } from './HandoffStore';
import { InMemoryHandoffStore } from './InMemoryHandoffStore';
import { InMemoryTranscriptStore } from './InMemoryTranscriptStore';
import { RedisHandoffStore } from './RedisHandoffStore';
import { RedisTranscriptStore } from './RedisTranscriptStore';
import type { TranscriptStore } from './TranscriptStore';

export interface HandoffStores {
  store: HandoffStore;
  transcripts: TranscriptStore;
}

/** The hand-off queue and the transcripts on the configured backend: Redis when there is one, memory otherwise. */
export function createHandoffStores(
  config: Pick<AppConfig, 'REDIS_KEY_PREFIX' | 'TRANSCRIPT_MAX_ENTRIES' | 'TRANSCRIPT_TTL_SECONDS'>,
  backend: StateBackend,
): HandoffStores {
  const maxEntries = config.TRANSCRIPT_MAX_ENTRIES;
  // Redis-backed stores go through the storage circuit breaker, like bot state and disputes.
  const store: HandoffStore = backend.redis
    ? guardedPort(
        new RedisHandoffStore(backend.redis, {
          prefix: config.REDIS_KEY_PREFIX,
          caseTtlSeconds: config.TRANSCRIPT_TTL_SECONDS,
          maxMessagesPerCase: maxEntries,
        }),
        backend.guard,
        'handoff',
      )
    : new InMemoryHandoffStore(maxEntries);
  const transcripts: TranscriptStore = backend.redis
    ? guardedPort(
        new RedisTranscriptStore(backend.redis, {
          prefix: config.REDIS_KEY_PREFIX,
          maxEntries,
          ttlSeconds: config.TRANSCRIPT_TTL_SECONDS,
        }),
        backend.guard,
        'transcript',
      )
    : new InMemoryTranscriptStore(maxEntries, config.TRANSCRIPT_TTL_SECONDS);
  return { store, transcripts };
}
