/**
 * Wording that gives no usable day, or only a guess at one. The recognizer turns "a few days ago"
 * into exactly 3 days ago; a 7-day deadline must not rest on such a guess, so we ask again instead.
 */
const VAGUE_WORDING =
  /\b(a while|while ago|some ?time ago|the other day|recently|lately|ages ago|few|several|a couple|couple of|some (days|weeks|time)|not sure|unsure|no idea|(don'?t|do not|can'?t|cannot|can not) (know|remember|recall))\b/i;

/** "between the 2nd and the 5th", "from the 2nd to the 5th": two ends of a span of days. */
const SPAN_WORDING = /\b(?:between\s+(.+?)\s+and\s+(.+)|from\s+(.+?)\s+(?:to|till|until|through)\s+(.+))$/i;

export function hasVagueWording(text: string): boolean {
  return VAGUE_WORDING.test(text);
}

/** The two ends of a span the user named, if the text reads like one; each still needs to hold a date. */
export function spanEnds(text: string): [string, string] | undefined {
  const match = SPAN_WORDING.exec(text.trim());
  if (match === null) {
    return undefined;
  }
  const first = match[1] ?? match[3];
  const second = match[2] ?? match[4];
  return first !== undefined && second !== undefined ? [first, second] : undefined;
}
