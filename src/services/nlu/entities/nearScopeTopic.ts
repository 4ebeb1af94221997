/**
 * Subjects next to Fixed-Price Protection that this assistant does not cover, each with its own
 * pointer: a payment the client approved that is still pending, the platform's service fees, a review
 * or rating. (Hourly contracts and clients asking are read by contractType and speakerRole.)
 */
export type NearScopeTopic = 'pending_payment' | 'service_fees' | 'reviews';

const PENDING_PAYMENT =
  /\b(?:approved|released)\b.*\b(?:pending|not (?:yet )?(?:arrived|available|showing|received)|still (?:waiting|pending|processing)|security period|hasn'?t (?:arrived|shown up|cleared))\b|\b(?:pending|processing) (?:payment|balance|funds)\b.*\bapproved\b|\bpayment (?:is )?(?:still )?pending\b/i;
const SERVICE_FEES =
  /\b(?:service|platform|upwork|freelancer|marketplace|processing|withdrawal|connects?) (?:fees?|charges?|cut|commission)\b|\bfees? (?:upwork|the platform) (?:takes|charges)\b|\bhow much (?:does|do) (?:upwork|the platform) (?:take|charge)\b/i;
const REVIEWS =
  /\b(?:review|reviews|rating|ratings|feedback|stars?|job success score|jss)\b.*\b(?:bad|negative|unfair|low|left|gave|remove|removed|change|dispute)\b|\b(?:bad|negative|unfair|low|1[- ]star|one[- ]star) (?:review|rating|feedback)\b/i;

export function extractNearScopeTopic(text: string): NearScopeTopic | undefined {
  if (PENDING_PAYMENT.test(text)) return 'pending_payment';
  if (SERVICE_FEES.test(text) && !/\barbitrat/i.test(text)) return 'service_fees';
  return REVIEWS.test(text) ? 'reviews' : undefined;
}
