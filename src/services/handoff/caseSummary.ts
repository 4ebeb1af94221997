import type { FileableClaim, Money } from '../disputes/schemas';
import { formatMoney } from '../disputes/claimDraft';

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
export function headlineOf(summary: CaseSummary): string {
  if (summary.reason === 'asked_for_person') return 'Asked to talk to a person';
  if (summary.reason === 'repeated_misunderstanding')
    return 'Accepted a person after the assistant did not understand several messages';
  const amount = summary.amount ? ` (${formatMoney(summary.amount)})` : '';
  return `Unreleased milestone on an active contract: ${summary.milestone ?? 'milestone not named'}${amount}`;
}

/** The summary as labelled lines, for the user to check and for the agent to read. */
export function summaryLines(summary: CaseSummary): string[] {
  const lines = [
    summary.milestone && `Milestone: ${summary.milestone}`,
    summary.amount && `Amount: ${formatMoney(summary.amount)}`,
    summary.delivered && `Delivered: ${summary.delivered}`,
    summary.clientSaid && `What the client said: ${summary.clientSaid}`,
  ];
  return lines.filter((line): line is string => Boolean(line));
}

/**
 * The claim a mediation case is opened with (fact P7: the work is complete and payment due). An
 * agent's note is added, so a case from a plain request still tells the specialist what it is about.
 */
export function claimOf(summary: CaseSummary, agentNote?: string): FileableClaim {
  const statement = [
    summary.reason === 'active_contract'
      ? 'The work for this milestone was delivered and the client has not released the payment.'
      : 'The freelancer asked Customer Support for help with a payment on an active contract.',
    ...summaryLines(summary),
    agentNote && `Support agent's note: ${agentNote}`,
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
