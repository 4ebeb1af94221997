import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../logging/logger';
import { guardedPort } from '../resilience/guardedPort';
import type { StateBackend } from '../storage/StateBackend';
import { InMemoryOutcomeStore } from './InMemoryOutcomeStore';
import { OutcomeRecorder } from './OutcomeRecorder';
import type { OutcomeRetention, OutcomeStore } from './OutcomeStore';
import { RedisOutcomeStore } from './RedisOutcomeStore';

export interface Outcomes {
  store: OutcomeStore;
  recorder: OutcomeRecorder;
}

/** The outcome store on the configured backend (through the storage breaker on Redis) and its recorder. */
export function createOutcomes(config: AppConfig, backend: StateBackend, logger: Logger): Outcomes {
  const retention: OutcomeRetention = {
    outcomeDays: config.ANALYTICS_RETENTION_DAYS,
    notUnderstoodDays: config.NOT_UNDERSTOOD_RETENTION_DAYS,
    maxPerDay: config.ANALYTICS_MAX_EVENTS_PER_DAY,
  };
  const store: OutcomeStore = backend.redis
    ? guardedPort(
        new RedisOutcomeStore(backend.redis, config.REDIS_KEY_PREFIX, retention),
        backend.guard,
        'outcomes',
      )
    : new InMemoryOutcomeStore(retention);
  const recorder = new OutcomeRecorder(store, (error) =>
    logger.warn({ event: 'outcome_write_failed', error: (error as Error).message }, 'Outcome not recorded'),
  );
  return { store, recorder };
}
