/**
 * Whether the user says the work was delivered ("I delivered it last week", "submitted the files"),
 * typed in a hurry too ("delivred", "i deliver already", "i submit work already"), or by what was
 * made ("finished the logo", "I deliver the work since two weeks", "sent him everything").
 */
const NOT_DELIVERED =
  /\b(?:haven'?t|havent|have not|didn'?t|didnt|did not|not yet|never|wasn'?t|isn'?t)\s+(?:\w+\s+)?(?:d[ie]l[ie]v\w*|submit(?:ted)?|finish(?:ed)?|hand(?:ed)? (?:it )?in|sent)\b/i;
const DELIVERED =
  /\b(?:deliver(?:ed|y)|d[ie]l[ie]v(?:er|r|e)e?d|d[ie]l[ie]ver(?:ed)? (?:\w+ )?already|already d[ie]l[ie]ver\w*|submitted|submit (?:\w+ ){0,2}already|already submit\w*|handed (?:it |them )?(?:in|over)|sent (?:the|him|her|them|my) (?:final |finished )?(?:files?|work|design|code|deliverables?)|(?:sent|uploaded|shared|pushed|handed over|turned in|finished|completed|i deliver) (?:him |her |them |the client )?(?:the |my |all )?(?:final |finished |completed )?(?:app |site |website )?(?:build|app|site|website|files?|work|design|designs|code|deliverables?|logo|video|article|report|project|draft|product)|completed the (?:work|milestone|job)|finished the (?:work|milestone|job)|work (?:is|was) (?:done|finished|complete)|sent (?:him|her|them|the client) (?:everything|it all|all of it))\b/i;

export function extractDelivery(text: string): boolean | undefined {
  if (NOT_DELIVERED.test(text)) return false;
  return DELIVERED.test(text) ? true : undefined;
}
