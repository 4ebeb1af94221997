/** "nothing in escrow", "escrow was empty": an ended contract without money left is not a covered case. */
const EMPTY_ESCROW =
  /\b(?:nothing|no money|no funds|zero|\$0)\s+(?:left\s+|was\s+|is\s+)?in (?:the )?escrow\b|\bescrow (?:was|is) (?:empty|not funded)\b|\b(?:no|empty|unfunded) escrow\b/i;

export function saysEscrowEmpty(text: string): boolean {
  return EMPTY_ESCROW.test(text);
}
