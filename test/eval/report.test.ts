import { batchOf } from '../../eval/harness/caseSchema';
import { formatReport, scoresOf } from '../../eval/harness/report';
import type { CaseResult } from '../../eval/harness/runEvaluation';

/** A blind batch (ids `b2-…`) is scored on its own line, so its honest figure is never averaged away. */
const result = (id: string, passed: boolean): CaseResult => ({
  id,
  kind: 'kept',
  fromIssue: false,
  channel: 'webchat',
  passed,
  failures: [],
  turnsWithChoicesTwice: 0,
  turns: 1,
});

const results = [
  result('s-kept-001', true),
  result('s-kept-002', true),
  result('b2-s-kept-001', true),
  result('b2-c-kept-001', false),
];

it('names the batch from the id prefix and leaves the main set out of every batch', () => {
  expect(batchOf('b2-s-route-001')).toBe('blind2');
  expect(batchOf('b2-c-no_loop-004')).toBe('blind2');
  expect(batchOf('s-route-001')).toBeUndefined();
});

it('scores the blind batch alone, overall and per kind', () => {
  const { overall, byBatch } = scoresOf(results);
  expect(overall.rate).toBe(0.75);
  expect(Object.keys(byBatch)).toEqual(['blind2']);
  expect(byBatch.blind2.overall).toEqual({ passed: 1, total: 2, rate: 0.5 });
  expect(byBatch.blind2.byKind.kept.rate).toBe(0.5);
  expect(byBatch.blind2.byKind.route.total).toBe(0);
});

it('prints the batch line in the report', () => {
  expect(formatReport(results)).toContain(
    'Fresh batch blind2 (written after the understanding work, never tuned on): 50.0 % (1/2)',
  );
});
