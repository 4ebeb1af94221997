import type { TurnContext } from 'botbuilder';
import { infoMessage } from '../../bot/rendering/infoMessage';
import type { PolicyContent } from '../../services/content/PolicyContent';
import { topicChoice } from '../topics';
import { GUIDE_TOPICS, GuideIntent } from './guideTopics';

/** Answers a question about the process; `withFollowUps` is false inside a flow that will resume. */
export async function sendGuideAnswer(
  context: TurnContext,
  content: PolicyContent,
  topic: GuideIntent,
  withFollowUps = true,
): Promise<void> {
  const guide = GUIDE_TOPICS[topic];
  await context.sendActivity(
    infoMessage(context.activity.channelId, {
      title: guide.title,
      lines: guide.facts.map((id) => content.fact(id)),
      choices: withFollowUps ? guide.followUps.map(topicChoice) : undefined,
    }),
  );
}
