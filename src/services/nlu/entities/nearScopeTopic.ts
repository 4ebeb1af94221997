/**
 * Subjects next to Fixed-Price Protection that this assistant does not cover, each said with a
 * pointer to where help is. (Hourly contracts and clients asking are read by contractType and
 * speakerRole.) Each pattern is a plain alternation, tested separately: no nested quantifiers.
 */
export type NearScopeTopic =
  | 'pending_payment'
  | 'service_fees'
  | 'reviews'
  | 'account'
  | 'withdrawals'
  | 'connects'
  | 'conduct'
  | 'extra_work';

const APPROVED = /\b(?:approved|released|paid|accepted the (?:work|milestone|submission))\b/i;
/** "never paid", "hasn't approved": an unpaid milestone, which is a dispute, not a pending payment. */
const NOT_APPROVED =
  /\b(?:never|not|hasn'?t|has not|didn'?t|did not|won'?t|refuses? to|refused to)\s+(?:\w+\s+)?(?:approved?|released?|paid|pay)\b/i;
const STILL_WAITING =
  /\b(?:pending|on hold|processing|security period|not (?:yet )?(?:arrived|available|showing|received|in my (?:balance|account))|hasn'?t (?:arrived|cleared|shown up|come through)|still waiting)\b/i;
const SERVICE_FEES =
  /\b(?:service|platform|upwork|freelancer|marketplace|processing|withdrawal|connects?) (?:fees?|charges?|cut|commission)\b|\bhow much (?:does|do) (?:upwork|the platform) (?:take|charge)\b|\b(?:got|received|paid me) less than\b|\bdeduct(?:ed|ion|ions)?\b/i;
/** "upwork takes 10% of what I earn", "a 20% cut": a share of earnings kept by the platform. */
const EARNINGS_SHARE =
  /\b(?:tak(?:e|es|ing)|keep(?:s|ing)?|charg(?:e|es|ing)|skim(?:s|ming)?|grab(?:s|bing)?)\s+(?:a\s+|like\s+)?\d{1,2}(?:\.\d)?\s?(?:%|percent)|\b\d{1,2}(?:\.\d)?\s?(?:%|percent)\s+(?:fee|cut|commission)\b/i;
const REVIEW_WORD = /\b(?:review|reviews|rating|ratings|feedback|job success score|jss|stars?)\b/i;
const REVIEW_TROUBLE =
  /\b(?:bad|negative|unfair|low|nasty|poor|terrible|harsh|mean|fake|lies|lying|false|\d ?stars?|one[- ]star|two[- ]stars?|remove|removed|change|hurt|affect|impact|lower)\b/i;
const ACCOUNT =
  /\b(?:account (?:got |was |is )?(?:suspended|banned|locked|closed|restricted|on hold)|suspended|id verification|identity verification|verify my identity|tax (?:form|info|information)|w-?8(?:ben)?|w-?9|1099|profile (?:approval|rejected))\b/i;
const WITHDRAWALS =
  /\b(?:withdraw(?:al|als|ing)?|payoneer|paypal|bank account|wire transfer|get paid out|payout|payment method|chargeback|charge back|credit card|card)\b/i;
const CONNECTS =
  /\b(?:connects|proposal|proposals|bid on|bidding|cover letter|(?:get|find|win|land) (?:more )?(?:clients|jobs|work)|profile (?:tips|visibility))\b/i;
const CONDUCT =
  /\b(?:scam(?:mer|med)?|phishing|harass(?:ed|ing|ment)?|threaten(?:ed|ing)?|abusive|report (?:him|her|them|the client|a client|this client)|outside (?:the )?(?:platform|upwork)|off[- ]platform)\b/i;
const EXTRA_WORK =
  /\b(?:extra work|additional work|outside (?:the |of )?(?:scope|contract)|not (?:in|part of) the (?:contract|scope)|scope creep|more than (?:we )?agreed)\b/i;

export function extractNearScopeTopic(text: string): NearScopeTopic | undefined {
  if (APPROVED.test(text) && STILL_WAITING.test(text) && !NOT_APPROVED.test(text)) return 'pending_payment';
  const fees = SERVICE_FEES.test(text) || EARNINGS_SHARE.test(text);
  if (fees && !/\barbitrat/i.test(text)) return 'service_fees';
  if (REVIEW_WORD.test(text) && REVIEW_TROUBLE.test(text)) return 'reviews';
  if (ACCOUNT.test(text)) return 'account';
  if (CONDUCT.test(text)) return 'conduct';
  if (CONNECTS.test(text)) return 'connects';
  if (EXTRA_WORK.test(text)) return 'extra_work';
  return WITHDRAWALS.test(text) ? 'withdrawals' : undefined;
}
