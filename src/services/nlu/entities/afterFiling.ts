/**
 * "what happens once I've clicked Continue to Dispute?", "will anyone contact me after I file?":
 * the question is about what follows the filing (mediation), although its words ("file", "continue",
 * "dispute") are the words of the filing steps. "after the do-not-approve option, then what?" names
 * a step in the middle, so it still asks for the steps.
 */
/** Who filed, or that it is filed: "after I've", "once it's", "after support opens the case" (P7). */
const LEAD = String.raw`(?:after|once|now that)\s+(?:i(?:'ve| have| had)?\s+|we(?:'ve| have)?\s+|it'?s\s+|it is\s+|it has been\s+|(?:customer )?support\s+|the (?:support )?agent\s+|they\s+)?`;
const FILED = [
  String.raw`(?:file|files|filed|filing|submit|submits|submitted|submitting)(?:\s+(?:the|a|my|it))?(?:\s+(?:dispute|claim|case))?`,
  String.raw`(?:raise|raises|raised|open|opens|opened|opening|start|starts|started|starting)\s+(?:the |a |my )?(?:dispute|claim|case)`,
  String.raw`(?:click|clicked|clicking|hit|hitting|press|pressed|pressing|choose|chose|choosing|select|selected|selecting)\s+(?:on\s+)?["“]?continue to dispute`,
  String.raw`(?:the |my |a )?(?:dispute|claim|case)\s+(?:is |has been |gets |got |was )?(?:filed|opened|submitted|raised|open|in)`,
].join('|');
const AFTER_FILING = new RegExp(
  String.raw`\bwhen (?:the |my |a )?(?:dispute|claim|case) (?:is |has been |gets |got |was )(?:filed|opened|submitted|raised)\b|\b${LEAD}(?:${FILED})\b`,
  'i',
);

export function asksAfterFiling(text: string): boolean {
  return AFTER_FILING.test(text);
}
