import { findInChain } from './errorChain';
import { StorageUnavailableError } from './StorageUnavailableError';

// What ioredis says when it cannot reach the server (timeouts, closed or refused connections).
const UNREACHABLE_REDIS =
  /Command timed out|Connection is closed|Stream isn't writeable|max retries per request|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT/i;

/**
 * True when a turn failed because Redis could not be reached: through the storage guard
 * (StorageUnavailableError), or straight from the client for code that calls Redis directly.
 */
export function isStorageFailure(error: unknown): boolean {
  if (findInChain(error, StorageUnavailableError)) return true;
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (UNREACHABLE_REDIS.test(current.message)) return true;
    const wrapper = current as Error & { error?: unknown };
    current = wrapper.error instanceof Error ? wrapper.error : wrapper.cause;
  }
  return false;
}
