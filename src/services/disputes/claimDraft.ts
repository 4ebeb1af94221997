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

/** How each part is named to the user, in the order it is asked and shown. */
export const CLAIM_FIELDS: Array<{ field: ClaimField; label: string }> = [
  { field: 'agreed', label: 'What was agreed' },
  { field: 'delivered', label: 'What you delivered, and when' },
  { field: 'amount', label: 'Amount in escrow' },
  { field: 'evidence', label: 'Evidence' },
  { field: 'clientLastMessage', label: "The client's last message" },
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
    'I do not approve the escrow refund request: the work is complete and the payment in escrow is due.',
    draft.agreed && `What was agreed: ${draft.agreed}`,
    draft.delivered && `What I delivered: ${draft.delivered}`,
    draft.amount && `Amount in escrow: ${formatMoney(draft.amount)}`,
    draft.evidence?.length && `Evidence: ${draft.evidence.join('; ')}`,
    draft.clientLastMessage && `The client's last message: ${draft.clientLastMessage}`,
  ];
  return lines.filter(Boolean).join('\n');
}
