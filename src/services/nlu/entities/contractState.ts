/** Whether the user says the contract is over or still running. */
export type ContractState = 'ended' | 'active';

// "hasn't ended", "not closed yet": a negated end is an active contract, so it is read first.
const NOT_ENDED =
  /\b(?:has ?n[o']?t|have ?n[o']?t|is ?n[o']?t|not|never|wasn'?t|didn'?t)\s+(?:yet\s+)?(?:been\s+)?(?:end(?:ed)?|clos(?:e|ed)|finish(?:ed)?|terminat(?:e|ed)|cancel+(?:ed)?)\b|\bnot (?:over|done) yet\b/i;
const ENDED =
  /\b(?:end(?:ed|s)?|clos(?:ed|es)|finish(?:ed)?|terminat(?:ed|es)|cancel+(?:ed|s)|over|concluded|shut (?:it |the contract |the job )?down|contarct (?:ended|closed)|ended the (?:contract|job))\b/i;
const ACTIVE =
  /\b(?:ongoing|on-going|active|still (?:open|running|going|on)|running (?:contract|job|project)|in[- ]progress|not (?:yet )?(?:ended|closed|finished)|open contract|current contract|(?:contract|job|project) (?:is|still is|is still) (?:open|running))\b/i;
/** "if it ended or is still active": both states named as the question, so neither is said ("ended or not" stays as before). */
const EITHER_STATE =
  /\b(?:ended|closed|over|active|open|ongoing)\s+or\s+(?:is\s+|it'?s\s+)?(?:still\s+|ended|closed|over|active|open|ongoing)/i;
const CONTRACT_WORD = /\b(?:contracts?|contarct|contrat|jobs?|projects?|gigs?|it)\b/i;

/**
 * The contract's state in the user's words: "ongoing contract" is active, "client closed the job"
 * ended. Only read when a contract-like word is present, so "the call ended" says nothing.
 */
export function extractContractState(text: string): ContractState | undefined {
  if (!CONTRACT_WORD.test(text) || EITHER_STATE.test(text)) return undefined;
  if (NOT_ENDED.test(text) || ACTIVE.test(text)) return 'active';
  return ENDED.test(text) ? 'ended' : undefined;
}
