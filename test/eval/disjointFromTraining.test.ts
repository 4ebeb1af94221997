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

/** Levenshtein distance, giving up (returning limit + 1) once it must exceed `limit`. */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
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

it('measures edit distance the way the check relies on', () => {
  expect(editDistanceWithin('refund request', 'refund reqest', 2)).toBe(1);
  expect(editDistanceWithin('hello', 'goodbye', 2)).toBe(3);
});
