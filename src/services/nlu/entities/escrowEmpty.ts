/** "nothing in escrow", "escrow was empty": an ended contract without money left is not a covered case. */
const EMPTY_ESCROW =
  /\b(?:nothing|no money|no funds|zero|\$0)\s+(?:left\s+|was\s+|is\s+)?in (?:the )?escrow\b|\bescrow (?:was|is) (?:empty|not funded)\b|\b(?:no|empty|unfunded) escrow\b/i;

/** "there was $350 in escrow", "money still in escrow", "the escrow was funded". */
const FUNDED_ESCROW =
  /\b(?:money|funds|\$?\d[\d,.]*\s*(?:dollars|usd|eur|euros|gbp)?|payment|milestone) (?:was |is |were |are )?(?:still )?(?:held )?in (?:the )?escrow\b|\bescrow (?:was |is )?(?:still )?funded\b|\bfunded (?:the )?(?:milestone|escrow)\b/i;

export function saysEscrowEmpty(text: string): boolean {
  return EMPTY_ESCROW.test(text);
}

/** True: money was in escrow; false: it was empty; undefined: not said. */
export function extractEscrowFunded(text: string): boolean | undefined {
  if (EMPTY_ESCROW.test(text)) return false;
  return FUNDED_ESCROW.test(text) ? true : undefined;
}
