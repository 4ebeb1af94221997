/** Fixed-price (what Fixed-Price Protection covers) or hourly. */
export type ContractType = 'fixed' | 'hourly';

const HOURLY =
  /\b(?:hourly|per hour|by the hour|hours? (?:billed|logged|tracked)|time tracker|work ?diary|time ?sheets?|disput\w* (?:my|the) hours)\b/i;
const FIXED = /\b(?:fixed[- ]?price|fixed|milestones?)\b/i;

/** The programme's own name says nothing about the user's contract. */
const PROGRAMME_NAME = /\bfixed[- ]?price protection\b/gi;

/** "fixed price or hourly?": both named as alternatives, the user does not know which. */
const EITHER_OR =
  /\b(?:fixed[- ]?price|fixed|hourly)\s+or\s+(?:an?\s+)?(?:fixed[- ]?price|fixed|hourly|per hour|by the hour)\b/gi;

export function extractContractType(text: string): ContractType | undefined {
  // "no idea if it's hourly or fixed ... a delivered milestone": the alternatives say nothing, the rest may.
  const own = text.replace(PROGRAMME_NAME, ' ').replace(EITHER_OR, ' ');
  if (HOURLY.test(own)) return 'hourly';
  return FIXED.test(own) ? 'fixed' : undefined;
}
