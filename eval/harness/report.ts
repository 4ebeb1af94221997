import { batchOf, CASE_KINDS, CaseKind, KIND_TITLES } from './caseSchema';
import type { CaseResult } from './runEvaluation';

export interface Rate {
  passed: number;
  total: number;
  rate: number;
}

export interface Scores {
  overall: Rate;
  /** Without the cases built on examples quoted in issue 13: the part nobody tuned to. */
  fresh: Rate;
  byKind: Record<CaseKind, Rate>;
  byChannel: Record<string, Rate>;
  /**
   * Each fresh batch written blind after the understanding work, named by its id prefix (`b2-` is
   * "blind2", `b3-` "blind3"), overall, per kind and per channel.
   */
  byBatch: Record<string, { overall: Rate; byKind: Record<CaseKind, Rate>; byChannel: Record<string, Rate> }>;
}

function rateOf(results: CaseResult[]): Rate {
  const passed = results.filter((result) => result.passed).length;
  return { passed, total: results.length, rate: results.length === 0 ? 0 : passed / results.length };
}

function byChannelOf(results: CaseResult[]): Record<string, Rate> {
  const channels = [...new Set(results.map((result) => result.channel))];
  return Object.fromEntries(
    channels.map((channel) => [channel, rateOf(results.filter((result) => result.channel === channel))]),
  );
}

function byKindOf(results: CaseResult[]): Record<CaseKind, Rate> {
  return Object.fromEntries(
    CASE_KINDS.map((kind) => [kind, rateOf(results.filter((result) => result.kind === kind))]),
  ) as Record<CaseKind, Rate>;
}

/** Pass rates over (case, channel) runs: overall, per kind, per channel and per blind batch. */
export function scoresOf(results: CaseResult[]): Scores {
  const batches = [...new Set(results.map((result) => batchOf(result.id)))].filter(
    (batch): batch is string => batch !== undefined,
  );
  return {
    overall: rateOf(results),
    fresh: rateOf(results.filter((result) => !result.fromIssue)),
    byKind: byKindOf(results),
    byChannel: byChannelOf(results),
    byBatch: Object.fromEntries(
      batches.sort().map((batch) => {
        const inBatch = results.filter((result) => batchOf(result.id) === batch);
        return [
          batch,
          { overall: rateOf(inBatch), byKind: byKindOf(inBatch), byChannel: byChannelOf(inBatch) },
        ];
      }),
    ),
  };
}

const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const percent = (rate: Rate) => `${(rate.rate * 100).toFixed(1)} % (${rate.passed}/${rate.total})`;

/** The printed report: failures first (one line each, shortened), then the scores. */
export function formatReport(results: CaseResult[], maxFailures = Infinity): string {
  const lines: string[] = [];
  const failed = results.filter((result) => !result.passed);
  if (failed.length > 0) lines.push(`Failures (${failed.length}):`);
  for (const result of failed.slice(0, maxFailures)) {
    for (const failure of result.failures) {
      lines.push(
        `- ${result.id} [${result.channel}] turn ${failure.turn} "${shorten(failure.user, 70)}": ${failure.problems.join('; ')}`,
        `    bot: ${shorten(failure.botSaid.replace(/\s+/g, ' '), 220)}`,
      );
    }
  }
  if (failed.length > maxFailures) lines.push(`… and ${failed.length - maxFailures} more failed runs`);
  const scores = scoresOf(results);
  lines.push('', 'Pass rate per kind:');
  for (const kind of CASE_KINDS)
    lines.push(`  ${KIND_TITLES[kind].padEnd(40)} ${percent(scores.byKind[kind])}`);
  lines.push('Per channel:');
  for (const [channel, rate] of Object.entries(scores.byChannel))
    lines.push(`  ${channel.padEnd(40)} ${percent(rate)}`);
  lines.push(`Overall: ${percent(scores.overall)}`);
  lines.push(`Overall without issue 13's own examples: ${percent(scores.fresh)}`);
  for (const [batch, batchScores] of Object.entries(scores.byBatch)) {
    lines.push(
      `Fresh batch ${batch} (written blind from the policy; only its first run, in eval/README.md, is untuned): ${percent(batchScores.overall)}`,
    );
    for (const kind of CASE_KINDS)
      lines.push(`  ${KIND_TITLES[kind].padEnd(40)} ${percent(batchScores.byKind[kind])}`);
    // A blind batch's channels can part ways even when the whole set's do not: shown, not averaged.
    const perChannel = Object.entries(batchScores.byChannel).map(
      ([channel, rate]) => `${channel} ${percent(rate)}`,
    );
    lines.push(`  ${'per channel'.padEnd(40)} ${perChannel.join(', ')}`);
  }
  const twice = results.reduce((sum, result) => sum + result.turnsWithChoicesTwice, 0);
  const turns = results.reduce((sum, result) => sum + result.turns, 0);
  lines.push(`Turns showing the same choices twice (not scored): ${twice} of ${turns}`);
  return lines.join('\n');
}
