import { ETagConflictError } from '../storage/ETagConflictError';
import { findInChain } from './errorChain';
import { isStorageFailure } from './storageFailure';

/** What the user reads when their turn failed, by what went wrong. Short: the user wants to retry. */
export function turnApology(error: unknown): string {
  if (isStorageFailure(error)) {
    return "Sorry, I can't reach my records right now, so I couldn't take that in. Please send it again in a minute. Everything saved before is safe.";
  }
  if (findInChain(error, ETagConflictError)) {
    return 'I got several messages from you at the same moment and could not take this one in. Please send it again.';
  }
  return 'Sorry, something went wrong on my side. Please try again in a moment — nothing you saved is lost.';
}
