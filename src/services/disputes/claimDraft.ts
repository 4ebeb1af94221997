import { say } from '../content/responses';
import type { Money } from './schemas';

/** The claim as the user builds it, before it is filed. */
export interface ClaimDraft {
  agreed?: string;
  delivered?: string;
  amount?: Money;
  evidence?: string[];
  clientLastMessage?: string;
}

export type ClaimField = keyof ClaimDraft;

/** How each part is named to the user (content/responses.en.json), in the order it is asked and shown. */
export const CLAIM_FIELDS: Array<{ field: ClaimField; label: string }> = [
  { field: 'agreed', label: say('claim.label.agreed') },
  { field: 'delivered', label: say('claim.label.delivered') },
  { field: 'amount', label: say('claim.label.amount') },
  { field: 'evidence', label: say('claim.label.evidence') },
  { field: 'clientLastMessage', label: say('claim.label.clientLastMessage') },
];

/** Without these a specialist cannot follow the claim (fact P6), so filing waits for them. */
export const REQUIRED_FIELDS: ClaimField[] = ['agreed', 'delivered', 'amount'];

export function missingParts(draft: ClaimDraft): ClaimField[] {
  return CLAIM_FIELDS.map(({ field }) => field).filter((field) => {
    const value = draft[field];
    return value === undefined || (Array.isArray(value) && value.length === 0);
  });
}

// Building a NumberFormat costs far more than using one; a handful of currencies ever occur.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(amount: Money): string {
  let format = moneyFormats.get(amount.currency);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency: amount.currency });
    moneyFormats.set(amount.currency, format);
  }
  return format.format(amount.value);
}

/** A concise statement the user can paste into the dispute form's reason and details. */
export function claimStatement(draft: ClaimDraft): string {
  const lines = [
    say('claim.statement.opening'),
    draft.agreed && say('claim.statement.agreed', {}, { value: draft.agreed }),
    draft.delivered && say('claim.statement.delivered', {}, { value: draft.delivered }),
    draft.amount && say('claim.statement.amount', {}, { value: formatMoney(draft.amount) }),
    draft.evidence?.length && say('claim.statement.evidence', {}, { value: draft.evidence.join('; ') }),
    draft.clientLastMessage &&
      say('claim.statement.clientLastMessage', {}, { value: draft.clientLastMessage }),
  ];
  return lines.filter(Boolean).join('\n');
}
