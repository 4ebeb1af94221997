import { CASE_KINDS, CaseKind } from '../../eval/harness/caseSchema';
import { evaluateApp } from '../../eval/harness/evaluateApp';
import { formatReport, scoresOf } from '../../eval/harness/report';
import type { CaseResult } from '../../eval/harness/runEvaluation';

/**
 * The evaluation set of issue 13 (eval/cases), driven through the real HTTP endpoint of an
 * in-process bot on webchat, slack and msteams with embedded storage.
 *
 * TARGET (issue 13, "Done when"): >= 0.95 overall and >= 0.90 for every kind.
 *
 * The floors below are a ratchet: the score measured after the understanding work (branch nlu:
 * 96.4 % overall, 96.1 % on the fresh cases; 42.3 % on main before it, eval/README.md), minus a
 * small margin, so any regression fails. Raise them
 * whenever the bot improves; never lower them to make a change pass.
 *
 * Lowered once, on purpose (29 Nov 2026, commit after 3c0d30a): a new, harder batch (blind2, ids
 * `b2-…`, 110 messages and 22 conversations) was written blind after the understanding work and
 * measured once without touching the bot; it scored 87.1 %, which pulled the whole set to 94.0 %
 * (93.7 % fresh; answer_first 83.1 %, correction 94.0 %). Those floors are now that measurement minus
 * about 2 points. The issue's target of 0.95 overall and 0.90 per kind stays the goal.
 *
 * Raised after the fixes made on blind2's failures (branch nlu2, eval/README.md "After fixes"):
 * 98.3 % overall, 98.2 % fresh, blind2 100 % (no longer blind: tuned on; 87.1 % stays its honest
 * figure), per kind 95.8 % (answer_first) to 100 %. The floors are those measurements minus about 2
 * points.
 *
 * Raised after general fixes on branch nlu3 (consequence questions, questions about what follows the
 * filing, where-questions, corrections inside one message): 100 % of 535 cases on all three channels.
 * Raised by about one point only, so a new blind batch can land without the floors hiding its figure.
 */
const FLOOR_OVERALL = 0.97;
/** The same without the cases built on issue 13's own examples: gains must reach the fresh part too. */
const FLOOR_FRESH = 0.97;
/**
 * The blind2 batch alone (eval/README.md, "Honest figure"): measured once at 87.1 %, then fixed while
 * looking at its failures (100 % after), so this floor guards the fixes, not an honest figure.
 */
const FLOOR_BLIND2 = 0.97;
const FLOOR_BY_KIND: Record<CaseKind, number> = {
  route: 0.98,
  kept: 0.97,
  answer_first: 0.95,
  correction: 0.97,
  no_loop: 0.97,
  no_handoff: 0.97,
  scope: 0.97,
  clarify: 0.96,
};

let results: CaseResult[];

beforeAll(async () => {
  results = await evaluateApp();
}, 180_000);

it('keeps the overall pass rate at or above the floor', () => {
  const { overall } = scoresOf(results);
  if (overall.rate < FLOOR_OVERALL) console.log(formatReport(results, 40));
  expect(overall.rate).toBeGreaterThanOrEqual(FLOOR_OVERALL);
});

it('keeps the pass rate of the fresh cases (not quoted in the issue) at or above the floor', () => {
  expect(scoresOf(results).fresh.rate).toBeGreaterThanOrEqual(FLOOR_FRESH);
});

it('keeps the pass rate of the blind2 batch (written after the understanding work) at or above its floor', () => {
  const blind2 = scoresOf(results).byBatch.blind2;
  expect(blind2.overall.total).toBeGreaterThan(0);
  expect(blind2.overall.rate).toBeGreaterThanOrEqual(FLOOR_BLIND2);
});

it.each(CASE_KINDS)('keeps the pass rate of kind "%s" at or above its floor', (kind) => {
  expect(scoresOf(results).byKind[kind].rate).toBeGreaterThanOrEqual(FLOOR_BY_KIND[kind]);
});

it('scores every channel alike: the words are the same, only the rendering differs', () => {
  const rates = Object.values(scoresOf(results).byChannel).map((rate) => rate.rate);
  expect(rates).toHaveLength(3);
  expect(Math.max(...rates) - Math.min(...rates)).toBeLessThanOrEqual(0.02);
});
