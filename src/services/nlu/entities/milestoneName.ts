/**
 * Which milestone the user names, in their own words: "milestone 2", "milestone #3", "the second
 * milestone", "the milestone for the logo", "the 'landing page' milestone". Kept for the case summary,
 * so the active-contract route does not ask for it again. Bounded, linear patterns.
 */
const NUMBERED = /\bmilestone\s*(?:#|no\.?\s*|number\s+)?(\d{1,3})\b/i;
const ORDINAL =
  /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|last|final|\d{1,2}(?:st|nd|rd|th))\s+milestone\b/i;
const FOR_WHAT =
  /\bmilestone\s+(?:for|called|named)\s+(?:the\s+|my\s+|a\s+)?([a-z0-9][a-z0-9 '-]{1,40}?)(?=\s*(?:[,.;!?)]|$|\s(?:and|but|which|that|on|is|was|has|wasn'?t|isn'?t)\b))/i;
const QUOTED = /["“']([^"”'\n]{2,40})["”']\s+milestone\b|\bmilestone\s+["“']([^"”'\n]{2,40})["”']/i;

export function extractMilestone(text: string): string | undefined {
  if (!/milestone/i.test(text)) return undefined;
  const numbered = NUMBERED.exec(text);
  if (numbered) return `milestone ${numbered[1]}`;
  const quoted = QUOTED.exec(text);
  if (quoted) return (quoted[1] ?? quoted[2]).trim();
  const forWhat = FOR_WHAT.exec(text);
  if (forWhat) return forWhat[1].trim();
  const ordinal = ORDINAL.exec(text);
  return ordinal ? `${ordinal[1].toLowerCase()} milestone` : undefined;
}
