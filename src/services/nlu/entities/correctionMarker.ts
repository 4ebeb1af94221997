/** Words that open a message before its correction marker: "ugh sorry", "no hold on", "ok wait". */
const LEAD = String.raw`(?:(?:oh|hmm+|ugh|ah|uh|um+|no|nope|ok|okay|well)[,.!]*\s+)*`;
const MARKER = String.raw`(?:(?:oh|hmm+|ugh|ah),?\s+(?:wait|no)|no,?\s+wait|wait,?\s+no|wait|oops|sorry|actually|correction|i meant|i mean|my (?:bad|mistake)|let me correct|scratch that|hold on|hang on|no,?\s+(?:it|that) (?:was|is))`;
/** Said anywhere, these change an earlier answer: "..., I misread it, it was ...". */
const ANYWHERE = String.raw`\b(?:i meant|correction:|i made a mistake|i was wrong|i misread|i misspoke|i got (?:it|that) wrong)\b`;

/** "no wait", "actually", "correction:", "I meant", "sorry, it was": the user changes an earlier answer. */
/** "no no, the 18th", "no, on the 3rd": a "no" straight before a new day puts the earlier day right. */
const NO_THEN_DAY = String.raw`^(?:no+[,.!]*\s+)+(?:it was |it'?s |(?:on )?the )?\d{1,2}(?:st|nd|rd|th)\b`;
/** "it was nov 21 actually", "the date actually says sunday": "actually" next to what was said. */
const ACTUALLY_SAID = String.raw`\b(?:was|is|says|said|came|arrived)\s+(?:\S+\s+){0,3}?actually\b|\bactually\s+(?:says|said|was|is|came|arrived)\b`;
/** "..., not tuesday", "not the 22nd", "5 days ago not 4": the day said before, put right. */
const NOT_THAT_DAY = String.raw`\bnot\s+(?:on\s+)?(?:the\s+\d{1,2}(?:st|nd|rd|th)|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|yesterday|\d{1,2}\s+days?\s+ago)\b|\bago,?\s+not\s+\d{1,2}\b`;
/** "it wasn't 2 days ago like I told you": what the user said before, denied. */
const NOT_AS_SAID = String.raw`\b(?:wasn'?t|was not|isn'?t|is not)\b[^.?!]*\b(?:like|as) i (?:told you|said)\b`;
const CORRECTION = new RegExp(
  `^${LEAD}${MARKER}\\b|${ANYWHERE}|${NO_THEN_DAY}|${ACTUALLY_SAID}|${NOT_THAT_DAY}|${NOT_AS_SAID}`,
  'i',
);

export function hasCorrectionMarker(text: string): boolean {
  return CORRECTION.test(text.trim());
}
