/** "no wait", "actually", "correction:", "I meant", "sorry, it was": the user changes an earlier answer. */
const CORRECTION =
  /^(?:(?:oh|hmm+|ugh|ah),?\s+(?:wait|no)|no,?\s+wait|wait,?\s+no|wait|oops|sorry|actually|correction|i meant|i mean|my (?:bad|mistake)|let me correct|scratch that|hold on|no,?\s+(?:it|that) (?:was|is))\b|\b(?:i meant|correction:|i made a mistake|i was wrong)\b/i;

export function hasCorrectionMarker(text: string): boolean {
  return CORRECTION.test(text.trim());
}
