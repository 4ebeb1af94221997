import type { FileableClaim, Money } from '../disputes/schemas';
import { formatMoney } from '../disputes/claimDraft';
import type { HandoffWording } from './handoffWording';

/**
 * Why the user is waiting for a person: a prepared active-contract case, a plain request, or the
 * person offered after the assistant did not understand several messages in a row.
 */
export type HandoffReason = 'active_contract' | 'asked_for_person' | 'repeated_misunderstanding';

/** What the assistant established before handing over (fact P7: the details showing the work is done). */
export interface CaseSummary {
  reason: HandoffReason;
  milestone?: string;
  amount?: Money;
  /** When and how the work was delivered, in the user's words. */
  delivered?: string;
  clientSaid?: string;
}

/** One line for the agents' queue. */
export function headlineOf(summary: CaseSummary, wording: HandoffWording): string {
  if (summary.reason === 'asked_for_person') return wording.text('handoff.headline.askedForPerson');
  if (summary.reason === 'repeated_misunderstanding')
    return wording.text('handoff.headline.repeatedMisunderstanding');
  const milestone = summary.milestone ?? wording.text('handoff.headline.milestoneUnnamed');
  return summary.amount
    ? wording.text('handoff.headline.activeContractWithAmount', {
        milestone,
        amount: formatMoney(summary.amount),
      })
    : wording.text('handoff.headline.activeContract', { milestone });
}

/** The summary as labelled lines, for the user to check and for the agent to read. */
export function summaryLines(summary: CaseSummary, wording: HandoffWording): string[] {
  const lines = [
    summary.milestone && wording.text('handoff.summary.milestone', { milestone: summary.milestone }),
    summary.amount && wording.text('handoff.summary.amount', { amount: formatMoney(summary.amount) }),
    summary.delivered && wording.text('handoff.summary.delivered', { delivered: summary.delivered }),
    summary.clientSaid && wording.text('handoff.summary.clientSaid', { clientSaid: summary.clientSaid }),
  ];
  return lines.filter((line): line is string => Boolean(line));
}

/**
 * The claim a mediation case is opened with (fact P7: the work is complete and payment due). An
 * agent's note is added, so a case from a plain request still tells the specialist what it is about.
 */
export function claimOf(summary: CaseSummary, wording: HandoffWording, agentNote?: string): FileableClaim {
  const statement = [
    wording.text(
      summary.reason === 'active_contract' ? 'handoff.claim.activeContract' : 'handoff.claim.askedForHelp',
    ),
    ...summaryLines(summary, wording),
    agentNote && wording.text('handoff.claim.agentNote', { note: agentNote }),
  ]
    .filter(Boolean)
    .join('\n');
  return {
    agreed: summary.milestone,
    delivered: summary.delivered,
    amount: summary.amount,
    clientLastMessage: summary.clientSaid,
    statement,
  };
}
