import type { PolicyContent } from '../../services/content/PolicyContent';
import type { InfoReply } from '../../services/replies/reply';
import { say } from '../../services/content/responses';
import { topicChoice } from '../topics';
import { GUIDE_TOPICS, GuideIntent } from './guideTopics';

/** The answer to a question about the process; `withFollowUps` is false inside a flow that will resume. */
export function guideAnswer(content: PolicyContent, topic: GuideIntent, withFollowUps = true): InfoReply {
  const guide = GUIDE_TOPICS[topic];
  return {
    kind: 'info',
    // The title is wording (content/responses.en.json), the facts are policy.
    title: say(`guide.${topic}.title`, content.values),
    lines: guide.facts.map((id) => content.fact(id)),
    choices: withFollowUps ? guide.followUps.map(topicChoice) : undefined,
  };
}
