/**
 * Whether the user says the client asked for the escrow money back: "requested a refund",
 * "asked for the escrow back", "wants his money back", "wants his 1200 back", "asked for it back"; "the
 * request came in" (or "req came ...", opening the message or a sentence) too,
 * the only request that arrives in this assistant's subject (P3, P5). A negation ("no refund request
 * yet") is false.
 */
const NO_REQUEST =
  /\b(?:no|not (?:a|any)|hasn'?t|has not|haven'?t|didn'?t|did not|never|without(?: a)?)\s+(?:\w+\s+){0,2}(?:refund|request(?:ed)?|asked)\b/i;
const REQUEST =
  /\b(?:refund|refunds|refunded|reimburse\w*|money back|escrow back|funds back|payment back|asked for (?:the |his |her |their )?(?:money|escrow|funds)|wants? (?:the |his |her |their )?(?:money|escrow|funds)|(?:get|take|pull|claw) (?:the |his |her |their )?(?:money|escrow|funds) back|give (?:him|her|them) (?:back )?(?:the |his |her |their )?(?:funded |escrowed )?(?:money|escrow|funds|milestone|payment)|(?:escrow|money|funds|payment) (?:to be |be )?(?:returned|given back|sent back|refunded)|return(?:ed)? (?:of )?(?:the |his |her )?(?:escrow|money|funds)|back the (?:money|escrow|funds)|(?:asked|asking|asks|wants?|wanted) (?:for )?(?:it|them) back|(?:wants?|asked for|asking for|asks for) (?:the |his |her |their )?[$€£]?\d[\d,.]*(?: ?(?:usd|eur|gbp|dollars?|euros?|bucks))? back|(?:(?:the|his|her|their|that|this|a) |^|[.!;]\s*)request (?:came|arrived|landed|showed up|popped up|was sent|got sent|has come|has arrived))\b/i;

/** "nothing requested so far", "no request yet": said without the word refund, still none. */
const NONE_SO_FAR =
  /\b(?:nothing (?:requested|asked for)|no (?:refund )?requests? (?:yet|so far|has come|came))\b/i;

export function extractRefundRequest(text: string): boolean | undefined {
  if (NONE_SO_FAR.test(text)) return false;
  if (!REQUEST.test(text)) return undefined;
  return !NO_REQUEST.test(text);
}

/**
 * "he just sent it", "it finally came this morning": the request told of by a pronoun. It means the
 * refund request only where one was awaited (the user said none had come yet).
 */
const IT_ARRIVED =
  /\b(?:it|one|the request)\s+(?:just\s+|finally\s+|has\s+)?(?:came|come|arrived|showed up|popped up|landed)\b|\b(?:he|she|they|the client|client)\s+(?:just\s+|finally\s+|has\s+)?(?:sent|made|filed|submitted|opened)\s+(?:it|one|the request)\b/i;

export function saysItArrived(text: string): boolean {
  return IT_ARRIVED.test(text);
}
