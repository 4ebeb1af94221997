import type { PolicyContent } from '../../src/services/content/PolicyContent';
import type { CaseKind, EvalCase } from './caseSchema';
import { EvalConversation } from './evalClient';
import { judgeTurn } from './judgeTurn';
import { factMatchers, observeTurn, TurnObservation } from './observeTurn';

export const EVAL_CHANNELS = ['webchat', 'slack', 'msteams'] as const;

export interface TurnFailure {
  turn: number;
  user: string;
  problems: string[];
  botSaid: string;
}

export interface CaseResult {
  id: string;
  kind: CaseKind;
  fromIssue: boolean;
  channel: string;
  passed: boolean;
  failures: TurnFailure[];
  /** Turns whose reply showed the same choices twice (issue 13: one set of choices per channel). */
  turnsWithChoicesTwice: number;
  turns: number;
}

export interface EvaluationOptions {
  baseUrl: string;
  content: PolicyContent;
  cases: EvalCase[];
  channels?: readonly string[];
  /** Conversations in flight at once; turns within one conversation stay in order. */
  concurrency?: number;
}

/** Every case on every channel through the real endpoint; a case passes when all its judged turns do. */
export async function runEvaluation(options: EvaluationOptions): Promise<CaseResult[]> {
  const matchers = factMatchers(options.content);
  const channels = options.channels ?? EVAL_CHANNELS;
  const jobs = channels.flatMap((channel) => options.cases.map((evalCase) => ({ evalCase, channel })));
  const results: CaseResult[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const { evalCase, channel } = jobs[index];
      results[index] = await runCase(options.baseUrl, evalCase, channel, matchers);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return results;
}

async function runCase(
  baseUrl: string,
  evalCase: EvalCase,
  channel: string,
  matchers: ReturnType<typeof factMatchers>,
): Promise<CaseResult> {
  const conversation = new EvalConversation(baseUrl, channel, evalCase.clock);
  const failures: TurnFailure[] = [];
  const earlier: TurnObservation[] = [];
  let turnsWithChoicesTwice = 0;
  for (const [index, turn] of evalCase.turns.entries()) {
    const observed = observeTurn(await conversation.send(turn.user), matchers);
    if (observed.choicesShownTwice) turnsWithChoicesTwice += 1;
    const problems = turn.expect ? judgeTurn(turn.expect, observed, earlier) : [];
    if (problems.length > 0)
      failures.push({ turn: index + 1, user: turn.user, problems, botSaid: observed.texts.join(' | ') });
    earlier.push(observed);
  }
  return {
    id: evalCase.id,
    kind: evalCase.kind,
    fromIssue: evalCase.fromIssue,
    channel,
    passed: failures.length === 0,
    failures,
    turnsWithChoicesTwice,
    turns: evalCase.turns.length,
  };
}
