import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O or U, so an id read aloud or retyped is hard to get wrong.
const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARACTERS = 10; // 10 x 5 bits = 50 random bits

export const DISPUTE_ID_PREFIX = 'FPD-';

/** A fresh dispute id such as "FPD-7KQ2M9XH4C": not guessable, so ids can be shown to users. */
export function generateDisputeId(): string {
  // 256 is a multiple of 32, so the low 5 bits of each random byte are uniform.
  const bytes = randomBytes(RANDOM_CHARACTERS);
  let suffix = '';
  for (const byte of bytes) suffix += CROCKFORD_ALPHABET[byte & 31];
  return DISPUTE_ID_PREFIX + suffix;
}

/**
 * Reads an id a user typed ("fpd-7kq2m9xh4c", "FPD 7KQ2-M9XH-4C", "FPD-7KQ2M9XH4O"), folding the
 * look-alike letters the way Crockford base32 defines; undefined when it cannot be an id.
 */
export function parseDisputeId(typed: string): string | undefined {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  if (!compact.startsWith('FPD')) return undefined;
  const suffix = compact.slice(3).replace(/O/g, '0').replace(/[IL]/g, '1');
  if (suffix.length !== RANDOM_CHARACTERS) return undefined;
  for (const character of suffix) if (!CROCKFORD_ALPHABET.includes(character)) return undefined;
  return DISPUTE_ID_PREFIX + suffix;
}
