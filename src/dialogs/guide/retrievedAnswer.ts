import type { Choice } from '../../services/replies/choice';
import type { PolicyContent } from '../../services/content/PolicyContent';
import type { RetrievedTopic } from '../../services/nlu/ContentRetriever';
import type { InfoReply } from '../../services/replies/reply';
import { say } from '../../services/content/responses';

/** The answer with the facts retrieval found; a list fact (the filing steps) is numbered. */
export function retrievedAnswer(
  content: PolicyContent,
  topic: RetrievedTopic,
  choices?: Choice[],
): InfoReply {
  const lines = topic.facts.flatMap((id) => {
    const wording = content.lines(id);
    return wording.length > 1 ? wording.map((line, index) => `${index + 1}. ${line}`) : wording;
  });
  return { kind: 'info', title: say('answer.retrievedTitle', content.values), lines, choices };
}
