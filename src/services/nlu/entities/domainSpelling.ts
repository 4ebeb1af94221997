/**
 * The few words every extractor keys on, spelled as typed in a hurry: "refnd reqest came 2 dys ago,
 * client closd the contrct". A word whose consonants, in order, are those of a domain word (and that
 * starts with the same letter, and is no longer) is read as that word. Vowels are what hurried and
 * non-native typing drops or swaps; the consonants keep "contact" apart from "contract", "does" from
 * "days". ("dispute" is left out: "despite" has its consonants.)
 */
const DOMAIN_WORDS = [
  'refund',
  'refunded',
  'request',
  'requested',
  'contract',
  'client',
  'closed',
  'days',
  'delivered',
  'milestone',
  'escrow',
  'approved',
  'released',
];

/** Skeletons this short name too many words. */
const MIN_SKELETON = 3;

function skeleton(word: string): string {
  return word.replace(/[aeiou]/g, '');
}

const BY_SKELETON: ReadonlyMap<string, string> = new Map(
  DOMAIN_WORDS.map((word) => [`${word[0]}${skeleton(word.slice(1))}`, word]),
);

const WORD = /[a-z]{3,}/gi;

/** The text with hurried spellings of the domain words put right; every other word as typed. */
export function withDomainSpelling(text: string): string {
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    const key = `${lower[0]}${skeleton(lower.slice(1))}`;
    if (key.length < MIN_SKELETON) return word;
    const known = BY_SKELETON.get(key);
    // Hurried typing drops or swaps letters; a longer word ("refined") is another word.
    return known && known !== lower && lower.length <= known.length ? known : word;
  });
}
