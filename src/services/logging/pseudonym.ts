import { createHash } from 'node:crypto';

/** A short, stable stand-in for an identifier (conversation or user id) so logs can be correlated without it. */
export function pseudonym(identifier: string | undefined): string | undefined {
  if (!identifier) return undefined;
  return createHash('sha256').update(identifier).digest('hex').slice(0, 16);
}
