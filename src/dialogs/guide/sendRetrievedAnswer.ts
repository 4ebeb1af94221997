import type { TurnContext } from 'botbuilder';
import { infoMessage } from '../../bot/rendering/infoMessage';
import type { Choice } from '../../services/replies/choice';
import type { PolicyContent } from '../../services/content/PolicyContent';
import type { RetrievedTopic } from '../../services/nlu/ContentRetriever';
import { say } from '../responses/Responses';

/** Answers a question with the facts retrieval found; a list fact (the filing steps) is numbered. */
export async function sendRetrievedAnswer(
  context: TurnContext,
  content: PolicyContent,
  topic: RetrievedTopic,
  choices?: Choice[],
): Promise<void> {
  const lines = topic.facts.flatMap((id) => {
    const wording = content.lines(id);
    return wording.length > 1 ? wording.map((line, index) => `${index + 1}. ${line}`) : wording;
  });
  await context.sendActivity(
    infoMessage(context.activity.channelId, {
      title: say('answer.retrievedTitle', content.values),
      lines,
      choices,
    }),
  );
}
