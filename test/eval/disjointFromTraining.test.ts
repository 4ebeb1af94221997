import { readFileSync } from 'node:fs';
import path from 'node:path';
import { allUserMessages, loadCaseSet } from '../../eval/harness/loadCases';

/**
 * The evaluation set must measure what real users write, not what the model was fitted to: no
 * message equals, or nearly equals, an utterance of the training data or the held-out set.
 */
const CORPORA = [
  path.resolve(__dirname, '../../src/services/nlu/data/training.en.json'),
  path.resolve(__dirname, '../nlu/heldout.en.json'),
];

interface Corpus {
  data: Array<{ intent: string; utterances: string[] }>;
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Below this length a message is a bare answer to a prompt ("yes", "$300"); edit distance says
 * nothing there ("yes" is two edits from "hey"), so only the exact check applies.
 */
const NEAR_CHECK_MIN_LENGTH = 10;

/** At most this many edits apart counts as a copy: a typo, a dropped word ending, a swapped letter. */
function nearLimit(text: string): number {
  return Math.max(2, Math.floor(text.length * 0.1));
}

/**
 * Levenshtein distance, or limit + 1 once it must exceed `limit`. Only cells within `limit` of the
 * diagonal can stay under it, so only those are computed (about half a million pairs are compared).
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const over = limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => (j <= limit ? j : over));
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(over);
    current[0] = i <= limit ? i : over;
    let rowMin = current[0];
    for (let j = Math.max(1, i - limit); j <= Math.min(b.length, i + limit); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, over);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return over;
    previous = current;
  }
  return previous[b.length];
}

const utterances = CORPORA.flatMap((file) =>
  (JSON.parse(readFileSync(file, 'utf8')) as Corpus).data.flatMap((entry) =>
    entry.utterances.map(normalised),
  ),
);
const messages = allUserMessages(loadCaseSet());

it('reads both corpora and the whole evaluation set', () => {
  expect(utterances.length).toBeGreaterThan(500);
  expect(messages.length).toBeGreaterThan(100);
});

it('has no evaluation message equal to a training or held-out utterance', () => {
  const known = new Set(utterances);
  expect(messages.filter((message) => known.has(normalised(message.text)))).toEqual([]);
});

it('has no evaluation message within a tiny edit distance of one', () => {
  const near = messages.flatMap((message) => {
    const text = normalised(message.text);
    if (text.length < NEAR_CHECK_MIN_LENGTH) return [];
    const limit = nearLimit(text);
    const close = utterances.find((utterance) => editDistanceWithin(text, utterance, limit) <= limit);
    return close === undefined ? [] : [{ id: message.id, text: message.text, close }];
  });
  expect(near).toEqual([]);
});

/**
 * The set is varied writing, not copy-paste variants of one sentence: no two substantive messages
 * are near copies of each other (bare answers such as "3 days ago" repeat naturally and are exempt).
 */
const VARIETY_MIN_LENGTH = 20;

/**
 * Two blind batches (b2-, b3-, b4- ids) were written apart, by writers who saw neither each other's
 * cases nor the bot, and each was measured once as written: where two such writers met on the same
 * question, that is what users ask, and rewording a measured case would change its figure.
 */
function fromOtherBlindBatches(first: string, second: string): boolean {
  const batchOf = (id: string) => /^b(\d+)-/.exec(id)?.[1];
  const [a, b] = [batchOf(first), batchOf(second)];
  return a !== undefined && b !== undefined && a !== b;
}

it('has no two substantive messages that are near copies of each other', () => {
  const substantive = messages
    .map((message) => ({ id: message.id, text: normalised(message.text) }))
    .filter((message) => message.text.length >= VARIETY_MIN_LENGTH);
  const copies: string[] = [];
  substantive.forEach((first, index) => {
    for (const second of substantive.slice(index + 1)) {
      const limit = nearLimit(first.text);
      if (fromOtherBlindBatches(first.id, second.id)) continue;
      if (editDistanceWithin(first.text, second.text, limit) <= limit)
        copies.push(`${first.id} ~ ${second.id}`);
    }
  });
  expect(copies).toEqual([]);
});

it('measures edit distance the way the check relies on', () => {
  expect(editDistanceWithin('refund request', 'refund reqest', 2)).toBe(1);
  expect(editDistanceWithin('hello', 'goodbye', 2)).toBe(3);
  expect(editDistanceWithin('kitten', 'sitting', 3)).toBe(3);
  expect(editDistanceWithin('am i covered', 'am i coverd?', 2)).toBe(2);
});
