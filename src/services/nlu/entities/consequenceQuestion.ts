/**
 * "what if I just ignore it?", "and if I miss it?", "the client never answers the mediator, what
 * happens?": a question about what follows when someone does NOT act. Who fails to act decides the
 * answer: the user letting the refund request lapse (the 7-day window), or the client not answering
 * (the outcome is still sent). Bag-of-words retrieval cannot tell these apart; the subject can.
 */
export type Inaction = 'own' | 'client';

/**
 * The frame of a consequence question: "what if", "and if", "what happens", typed in a hurry too, or
 * a message that opens with "if". An "if" inside another question ("does it cover me if the client
 * disappears?") asks that other question.
 */
const CONSEQUENCE_FRAME =
  /^(?:(?:ok|okay|so|and|but|hmm|well|then|um)[,\s]+)*(?:if|suppose|say)\b|\b(?:what if|and if|but if|what hap+(?:en|ens|ened)?|what would hap+en|what will hap+en|then what|what then|what now|now what)\b/i;

/** "if the client stops replying, can I still file?": a question about the user's options, not a consequence. */
const ASKS_OPTIONS = /\b(?:can|could|should|may|do|am) (?:i|we)\b|\bcover(?:s|ed|age)?\b|\beligible\b/i;

/** Not acting, said many ways. Each alternative is plain words: no nested quantifiers. */
const INACTION =
  /\b(?:ignor(?:e|es|ed|ing)|miss(?:es|ed|ing)?|skip(?:s|ped)?|forg[eo]t(?:s|ten)?(?: about it)?|do(?:es)? nothing|did nothing|let (?:it|them|that|the \w+) (?:expire|lapse|pass|slide|run out|go)|(?:don'?t|do not|doesn'?t|does not|didn'?t|did not|never|not|no|wont|won'?t|will not|cannot|can'?t|isn'?t|is not|aren'?t|are not|stops?|stopped|keeps? not) (?:\w+ )?(?:respond(?:s|ing)?|answer(?:s|ing)?|repl(?:y|ies|ying)|react(?:s|ing)?|act|do anything|show up|engag(?:e|es|ing)|cooperat(?:e|es|ing)|get back)|(?:stay|stays|goes|go|went) (?:silent|quiet|dark|missing)|leave (?:it|them|that)(?: alone| be)?|(?:leave|leaving|left) (?:the|his|her|their|my) [\w']+(?: [\w']+){0,2} (?:alone|be|sitting|there|unanswered|pending|hanging|untouched)|never (?:click|clicks|touch|touches|open|opens) (?:anything|it|on it)|ghost(?:s|ed|ing)?|disappear(?:s|ed)?|vanish(?:es|ed)?|too late|run out of time|wait too long)\b/gi;

/**
 * The window running out: the user's own inaction, whoever the sentence names. "what if it passes?":
 * in this subject only the refund window runs out.
 */
const WINDOW_LAPSE =
  /\b(?:(?:7|seven) days|days|window|deadline|time limit|time|it|that) (?:run|runs|ran|running) out\b|\b(?:window|deadline|7 days|seven days|time limit|it|that) (?:pass|passes|passed|expire|expires|expired|lapse|lapses|lapsed|is over|ends|ended)\b/i;

/** Who does not act: the words just before the verb, nearest last. */
const CLIENT_SUBJECT =
  /\b(?:client|clients|clint|cliet|clinet|clent|cleint|buyer|customer|employer|he|she|they|them|the other (?:party|side|person))\b/gi;
const OWN_SUBJECT = /\b(?:i|we|me|i'm|im)\b/gi;
/** "no reply from the client": the subject comes after. */
const FROM_CLIENT =
  /^\s*(?:\w+\s+)?from (?:the |my |our )?(?:client|clint|cliet|clinet|buyer|customer|him|her|them)\b/i;

/** How far back, in characters, the subject of the verb is looked for. */
const SUBJECT_WINDOW = 40;

/** Who fails to act in a consequence question, or undefined when it is none. */
export function extractInaction(text: string): Inaction | undefined {
  if (!CONSEQUENCE_FRAME.test(text.trim()) || ASKS_OPTIONS.test(text)) return undefined;
  if (WINDOW_LAPSE.test(text)) return 'own';
  for (const match of text.matchAll(INACTION)) {
    const at = match.index ?? 0;
    const after = text.slice(at + match[0].length);
    if (FROM_CLIENT.test(after)) return 'client';
    const before =
      text
        .slice(Math.max(0, at - SUBJECT_WINDOW), at)
        .split(/[.;!?]/)
        .pop() ?? '';
    const subject = lastSubject(before);
    if (subject) return subject;
  }
  return undefined;
}

function lastSubject(before: string): Inaction | undefined {
  const client = lastIndexOf(before, CLIENT_SUBJECT);
  const own = lastIndexOf(before, OWN_SUBJECT);
  if (client < 0 && own < 0) return undefined;
  return client > own ? 'client' : 'own';
}

function lastIndexOf(text: string, pattern: RegExp): number {
  let last = -1;
  for (const match of text.matchAll(pattern)) last = match.index ?? last;
  return last;
}
