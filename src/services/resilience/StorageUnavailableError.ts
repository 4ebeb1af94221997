/**
 * Redis could not be reached in time (a command timed out, the connection is down, or the circuit
 * breaker is open after repeated failures). The turn cannot be trusted to have been recorded, so the
 * user gets a short apology instead of the turn's answer.
 */
export class StorageUnavailableError extends Error {
  constructor(
    readonly operation: string,
    cause: unknown,
  ) {
    super(`Storage unavailable during ${operation}: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
    this.name = 'StorageUnavailableError';
  }
}
