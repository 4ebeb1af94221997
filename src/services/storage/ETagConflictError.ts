/**
 * A write carried an eTag that no longer matches the stored item: someone else wrote first.
 * The message is the one botbuilder's MemoryStorage uses, so callers that match on it keep working.
 */
export class ETagConflictError extends Error {
  readonly statusCode = 412;

  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/** botbuilder's rule: no eTag or `*` always writes; otherwise the eTag must match what is stored. */
export function isStaleETag(expected: string | undefined, stored: string | undefined): boolean {
  if (!expected || expected === '*' || stored === undefined) return false;
  return expected !== stored;
}
