// "contract 123456789", "contract #4321", "job id 98765", "contract no. 12345", ".../contracts/123456789".
// Each optional part carries its own leading white space, so a run of spaces can be split only one way:
// free-standing \s* next to each other made "contract" and 2,000 spaces take seconds.
const CONTRACT_REFERENCE =
  /\b(?:contract|job|offer)(?:\s*(?:id|no\.?|number|num|ref(?:erence)?))?(?:\s+is)?(?:\s*[#:-])?\s*(\d{4,20})(?!\d)|\/contracts\/(\d{4,20})(?!\d)/i;

/** The digits of the first contract or job reference in the text (4 to 20 digits). */
export function extractContractReference(text: string): string | undefined {
  const match = CONTRACT_REFERENCE.exec(text);
  return match ? (match[1] ?? match[2]) : undefined;
}
