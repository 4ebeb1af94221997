import fc from 'fast-check';
import { recognizeChoice } from '../../src/dialogs/recognizeChoice';
import { findDisputeId } from '../../src/dialogs/disputes/findDisputeId';
import { LEAVE_WORDS } from '../../src/services/handoff/handoffWording';
import { MAX_TEXT_CHARS } from '../../src/config/inputLimits';
import { extractContractReference } from '../../src/services/nlu/extractContractReference';
import { extractMoney } from '../../src/services/nlu/extractMoney';
import { resolveArrivalDate, warmUpDateRecognizer } from '../../src/services/time';
import { readLastWeekday } from '../../src/services/time/lastWeekday';
import { hasVagueWording, spanEnds } from '../../src/services/time/vagueWording';
import { DateTime } from 'luxon';

/**
 * Every function that reads a user's message with a pattern or a recognizer, given any message up to
 * the text cap: none may hold the event loop, since one turn's CPU is every other user's wait.
 * Messages are built from the pieces that made the old patterns backtrack ("1,", "on the 2nd ",
 * "between ", long runs of spaces). A slow call is timed again (best of three) so a GC pause or a
 * busy neighbour process is not mistaken for a slow pattern; super-linear patterns take seconds here.
 */

const PIECES = [
  '1,',
  '1.',
  '1/',
  '2 ',
  '1 2nd ',
  'on the 2nd ',
  'between ',
  ' and ',
  'from ',
  ' to ',
  'contract ',
  ' no. ',
  ' is ',
  '#',
  '$',
  '€',
  'last ',
  'fri',
  'fpd-',
  'a while',
  '     ',
  '\n',
  '.',
  '?',
  'x',
  'dollars ',
  'option ',
  'the second one ',
];

/** A few pieces, each repeated up to 600 times (what backtracking feeds on), cut to the cap. */
const hostileMessage = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 })),
      fc.integer({ min: 1, max: 600 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((runs) =>
    runs
      .map(([piece, times]) => piece.repeat(times))
      .join('')
      .slice(0, MAX_TEXT_CHARS),
  );

/** Messages that froze the bot before (seconds each), always among the inputs tried. */
const KNOWN_FREEZES: string[] = [
  '1,'.repeat(170),
  'on the 2nd '.repeat(60),
  'between '.repeat(1000),
  `between${' '.repeat(4990)}x`,
  `from${' '.repeat(4990)}x`,
  `contract${' '.repeat(4990)}x`,
  '1,'.repeat(2500),
  '2 '.repeat(2500),
  '1/'.repeat(2500),
  'on the 2nd '.repeat(454),
];

function bestOfThreeMs(work: () => unknown): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > 1; attempt += 1) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

function expectFastOnEveryMessage(budgetMs: number, read: (text: string) => unknown, numRuns: number): void {
  let slowest = 0;
  fc.assert(
    fc.property(hostileMessage, (text) => {
      const took = bestOfThreeMs(() => read(text));
      slowest = Math.max(slowest, took);
      if (took >= budgetMs)
        process.stderr.write(`slow (${took.toFixed(1)} ms): ${JSON.stringify(text.slice(0, 200))}\n`);
      return took < budgetMs;
    }),
    { numRuns, examples: KNOWN_FREEZES.map((text) => [text]) },
  );
  expect(slowest).toBeLessThan(budgetMs);
}

const clock = { now: new Date('2026-11-26T10:30:00Z'), timeZone: 'Europe/Berlin' };
const CHOICES = [
  { value: 'ended', title: 'Client ended the contract' },
  { value: 'active', title: 'Contract is still active', synonyms: ['active', 'ongoing'] },
];

beforeAll(() => {
  // The recognizers compile their patterns on first use; that one-off cost is not a user's message.
  warmUpDateRecognizer();
  extractMoney('$500');
  recognizeChoice({ text: 'the second one' }, CHOICES);
});

describe('patterns on user text run in linear time (a few ms on any message up to the cap)', () => {
  it.each<[string, (text: string) => unknown]>([
    ['spanEnds', spanEnds],
    ['hasVagueWording', hasVagueWording],
    ['extractContractReference', extractContractReference],
    ['readLastWeekday', (text) => readLastWeekday(text, DateTime.fromJSDate(clock.now))],
    ['findDisputeId', findDisputeId],
    ['LEAVE_WORDS', (text) => LEAVE_WORDS.test(text)],
  ])('%s', (_name, read) => {
    expectFastOnEveryMessage(5, read, 300);
  });
});

describe('the money, date and choice recognizers see only a bounded slice (tens of ms at most)', () => {
  it.each<[string, (text: string) => unknown]>([
    ['extractMoney', extractMoney],
    ['resolveArrivalDate', (text) => resolveArrivalDate(text, clock)],
    ['recognizeChoice', (text) => recognizeChoice({ text }, CHOICES)],
  ])('%s', (_name, read) => {
    expectFastOnEveryMessage(100, read, 60);
  });
});
