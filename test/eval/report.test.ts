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
  result('b3-s-kept-001', false),
  { ...result('b3-s-kept-001', true), channel: 'slack' },
];

it('names the batch from the id prefix and leaves the main set out of every batch', () => {
  expect(batchOf('b2-s-route-001')).toBe('blind2');
  expect(batchOf('b2-c-no_loop-004')).toBe('blind2');
  expect(batchOf('b3-c-correction-002')).toBe('blind3');
  expect(batchOf('s-route-001')).toBeUndefined();
});

it('scores the blind batch alone, overall and per kind', () => {
  const { overall, byBatch } = scoresOf(results);
  expect(overall.rate).toBe(4 / 6);
  expect(Object.keys(byBatch)).toEqual(['blind2', 'blind3']);
  expect(byBatch.blind2.overall).toEqual({ passed: 1, total: 2, rate: 0.5 });
  expect(byBatch.blind2.byKind.kept.rate).toBe(0.5);
  expect(byBatch.blind2.byKind.route.total).toBe(0);
  expect(byBatch.blind3.overall).toEqual({ passed: 1, total: 2, rate: 0.5 });
  expect(byBatch.blind3.byChannel).toEqual({
    webchat: { passed: 0, total: 1, rate: 0 },
    slack: { passed: 1, total: 1, rate: 1 },
  });
});

it('prints each batch on its own line in the report, with its channels', () => {
  const report = formatReport(results);
  expect(report).toContain(
    'Fresh batch blind2 (written blind from the policy; only its first run, in eval/README.md, is untuned): 50.0 % (1/2)',
  );
  expect(report).toContain(
    'Fresh batch blind3 (written blind from the policy; only its first run, in eval/README.md, is untuned): 50.0 % (1/2)',
  );
  expect(report).toContain('webchat 0.0 % (0/1), slack 100.0 % (1/1)');
});
