/** A short answer to a question the assistant asked: yes, no, or "I don't know". */
export type AnswerPolarity = 'yes' | 'no' | 'dont_know';

const DONT_KNOW =
  /^(?:(?:still|honestly|sorry|um+|uh+|hmm+|well)[,\s]+)?(?:i\s+)?(?:(?:really|honestly|just|truly|even)\s+)?(?:(?:really\s+)?(?:don'?t|do not|dont) (?:even |really )?know|no idea|not sure|unsure|no clue|dunno|idk|(?:i\s+)?(?:can'?t|cannot|don'?t) (?:remember|recall|tell)|not certain|i'?m not sure|i am not sure|hard to say|no idea really)\b/i;
const NOT_YET = /^(?:not yet|none (?:yet|so far)|nothing (?:yet|so far)|no,? not yet|not so far)\b/i;
const YES =
  /^(?:yes|yeah|yep|yup|ya|sure|correct|right|i did|it did|they did|it has|he did|she did|ok(?:ay)?|absolutely|definitely|of course|that'?s right)\b/i;
const NO =
  /^(?:no|nope|nah|not really|i didn'?t|i did not|it hasn'?t|they didn'?t|he didn'?t|she didn'?t|negative)\b/i;

/** Read from the start of the message only: "no wait, it was 6 days ago" starts a correction, not a "no". */
export function extractAnswerPolarity(text: string): AnswerPolarity | undefined {
  const answer = text.trim();
  if (DONT_KNOW.test(answer)) return 'dont_know';
  if (NOT_YET.test(answer)) return 'no';
  if (YES.test(answer)) return 'yes';
  return NO.test(answer) ? 'no' : undefined;
}

/** "not yet", "none so far": the thing asked about has not happened (a refund request not sent). */
export function saysNotYet(text: string): boolean {
  return NOT_YET.test(text.trim());
}

/** "I don't know" anywhere in a longer message ("don't know the exact date the client asked"). */
const MENTIONS_NOT_KNOWING = /\b(?:don'?t|do not|dont) (?:even |really )?know\b|\bno idea\b|\bnot sure\b/i;

export function mentionsNotKnowing(text: string): boolean {
  return MENTIONS_NOT_KNOWING.test(text);
}

/** What the user says they don't know, when they name it: the contract's type or its state. */
export type UnsureSubject = 'contract_type' | 'contract_state';

const UNSURE_OF = String.raw`\b(?:know|sure|idea|certain|clue|remember|recall)\s+(?:if|whether|what|which)\s+(?:\S+\s+){0,5}?`;
const UNSURE_OF_TYPE = new RegExp(`${UNSURE_OF}(?:hourly|fixed|fixed-price|type|kind)\\b`, 'i');
const UNSURE_OF_STATE = new RegExp(
  `${UNSURE_OF}(?:end|ended|closed|over|active|running|open|finished)\\b`,
  'i',
);

/** "no idea whether it's hourly or fixed", "not sure if it ended": the subject of the doubt. */
export function unsureOf(text: string): UnsureSubject | undefined {
  if (UNSURE_OF_TYPE.test(text)) return 'contract_type';
  return UNSURE_OF_STATE.test(text) ? 'contract_state' : undefined;
}
