/**
 * The question a flow is waiting on. Each prompt names its slot (in PromptOptions.validations), so
 * the policy knows what "I don't know" or a correction refers to.
 */
export type SlotName =
  | 'arrival'
  | 'contract_type'
  | 'contract_state'
  | 'escrow'
  | 'refund_request'
  | 'delivered'
  | 'milestone'
  | 'amount'
  | 'delivery_details'
  | 'client_said'
  | 'handoff_offer'
  | 'claim_text'
  | 'claim_review'
  | 'navigation';

/** The options a prompt carries to name its slot. */
export interface SlotTag {
  slot: SlotName;
}

export function slotTag(slot: SlotName): { validations: SlotTag } {
  return { validations: { slot } };
}
