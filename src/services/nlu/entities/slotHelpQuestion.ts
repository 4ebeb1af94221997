/**
 * "how do I check?", "where would I see that?", "I can't find it": the user needs help to answer
 * the question asked, not a new topic.
 */
const HOW_TO_CHECK =
  /\b(?:how (?:do|can|would|should) i (?:check|know|find|see|tell|look)|(?:where|wher|whre) (?:do|can|would|should|will|to) i (?:see|find|check|look)|where (?:is|would|will) (?:it|that|this)|(?:can'?t|cannot|couldn'?t|unable to) (?:even )?(?:find|locate|see|tell (?:when|if|whether))|where to (?:look|find|see|check)|how to (?:find|check|see|tell|know)|find (?:it )?out|help me (?:find|check|see)|(?:a )?way to (?:check|find|see|know)|where else)\b/i;

export function asksHowToCheck(text: string): boolean {
  return HOW_TO_CHECK.test(text);
}
