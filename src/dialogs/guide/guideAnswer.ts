import type { PolicyContent } from '../../services/content/PolicyContent';
import type { InfoReply } from '../../services/replies/reply';
import { topicChoice } from '../topics';
import { GUIDE_TOPICS, GuideIntent } from './guideTopics';

/** The answer to a question about the process; `withFollowUps` is false inside a flow that will resume. */
export function guideAnswer(content: PolicyContent, topic: GuideIntent, withFollowUps = true): InfoReply {
  const guide = GUIDE_TOPICS[topic];
  return {
    kind: 'info',
    title: guide.title,
    lines: guide.facts.map((id) => content.fact(id)),
    choices: withFollowUps ? guide.followUps.map(topicChoice) : undefined,
  };
}
