import { hash } from 'node:crypto';

/** A short, stable stand-in for an identifier (conversation or user id) so logs can be correlated without it. */
export function pseudonym(identifier: string | undefined): string | undefined {
  if (!identifier) return undefined;
  // One-shot hash: several times a turn, and about a third of createHash's cost.
  return hash('sha256', identifier, 'hex').slice(0, 16);
}
