/** Who is writing: the freelancer (whom this assistant serves) or the client. */
export type SpeakerRole = 'freelancer' | 'client';

const CLIENT =
  /\b(?:i'?m (?:actually |really |also )?(?:the|a) (?:client|buyer)|i am (?:actually |really )(?:the|a) (?:client|buyer)|back from (?:a|the|my) freelancer|as (?:the|a) buyer|my contractor|the contractor (?:delivered|did|didn'?t|never)|i'?m (?:the|a) client|i am (?:the|a) client|as (?:the|a) client|i hired|my freelancer|the freelancer (?:i hired|didn'?t|did not|never|won'?t|isn'?t)|i (?:want|need) (?:my|a) refund|get my (?:money|escrow|funds) back|refund (?:me|my money)|how (?:can|do|does|would|should) (?:a|the) client (?:request|get|ask for|file|open|claim))\b/i;
const FREELANCER =
  /\b(?:i'?m (?:the|a) freelancer|i am (?:the|a) freelancer|as (?:the|a) freelancer|my client|the client|i delivered|i finished|my work)\b/i;

/** The role the user speaks from, when the message shows it; a freelancer is the default reading. */
export function extractSpeakerRole(text: string): SpeakerRole | undefined {
  if (CLIENT.test(text)) return 'client';
  return FREELANCER.test(text) ? 'freelancer' : undefined;
}

/** "I'm the freelancer": said outright, not only implied by "my client". */
const FREELANCER_OUTRIGHT = /\b(?:i'?m|i am) (?:actually |really )?(?:the|a) freelancer\b/i;

export function saysFreelancerOutright(text: string): boolean {
  return FREELANCER_OUTRIGHT.test(text);
}
