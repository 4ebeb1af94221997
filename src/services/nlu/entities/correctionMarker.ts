/** Words that open a message before its correction marker: "ugh sorry", "no hold on", "ok wait". */
const LEAD = String.raw`(?:(?:oh|hmm+|ugh|ah|uh|um+|no|nope|ok|okay|well)[,.!]*\s+)*`;
const MARKER = String.raw`(?:(?:oh|hmm+|ugh|ah),?\s+(?:wait|no)|no,?\s+wait|wait,?\s+no|wait|oops|sorry|actually|correction|i meant|i mean|my (?:bad|mistake)|let me correct|scratch that|hold on|hang on|no,?\s+(?:it|that) (?:was|is))`;
/** Said anywhere, these change an earlier answer: "..., I misread it, it was ...". */
const ANYWHERE = String.raw`\b(?:i meant|correction:|i made a mistake|i was wrong|i misread|i misspoke|i got (?:it|that) wrong)\b`;

/** "no wait", "actually", "correction:", "I meant", "sorry, it was": the user changes an earlier answer. */
/** "no no, the 18th", "no, on the 3rd": a "no" straight before a new day puts the earlier day right. */
const NO_THEN_DAY = String.raw`^(?:no+[,.!]*\s+)+(?:it was |it'?s |(?:on )?the )?\d{1,2}(?:st|nd|rd|th)\b`;
const CORRECTION = new RegExp(`^${LEAD}${MARKER}\\b|${ANYWHERE}|${NO_THEN_DAY}`, 'i');

export function hasCorrectionMarker(text: string): boolean {
  return CORRECTION.test(text.trim());
}
