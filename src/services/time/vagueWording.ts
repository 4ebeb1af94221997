/**
 * Wording that gives no usable day, or only a guess at one. The recognizer turns "a few days ago"
 * into exactly 3 days ago; a 7-day deadline must not rest on such a guess, so we ask again instead.
 */
const VAGUE_WORDING =
  /\b(a while|while ago|some ?time ago|the other day|recently|lately|ages ago|few|several|a couple|couple of|some (days|weeks|time)|not sure|unsure|no idea|(don'?t|do not|can'?t|cannot|can not) (know|remember|recall))\b/i;

/**
 * A span of days: "between the 2nd and the 5th", "from the 2nd to the 5th". The opening word, then
 * the word that joins the two ends, each found by a plain search with one white-space character on
 * each side: one pattern with two free-length groups took 20 s on 8 KB of "between between ...".
 */
const SPANS: ReadonlyArray<{ opening: RegExp; joiner: RegExp }> = [
  { opening: /\bbetween\s/i, joiner: /\sand\s/i },
  { opening: /\bfrom\s/i, joiner: /\s(?:to|till|until|through)\s/i },
];

export function hasVagueWording(text: string): boolean {
  return VAGUE_WORDING.test(text);
}

/**
 * The two ends of a span the user named, if the text reads like one; each still needs to hold a date.
 * Linear in the text: only the first opening word of each kind is tried, as a later one sees less.
 */
export function spanEnds(text: string): [string, string] | undefined {
  const words = text.trim();
  let earliest: { at: number; ends: [string, string] } | undefined;
  for (const { opening, joiner } of SPANS) {
    const start = opening.exec(words);
    if (!start || (earliest && earliest.at < start.index)) continue;
    const rest = words.slice(start.index + start[0].length);
    const join = joiner.exec(rest);
    if (!join) continue;
    const first = rest.slice(0, join.index).trim();
    const second = rest.slice(join.index + join[0].length).trim();
    if (first !== '' && second !== '') earliest = { at: start.index, ends: [first, second] };
  }
  return earliest?.ends;
}
