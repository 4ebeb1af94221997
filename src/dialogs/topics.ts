import type { Choice } from '../services/replies/choice';
import type { IntentName } from '../services/nlu/intents';
import { say } from '../services/content/responses';

/** How each topic the user can pick is titled on a button or in a numbered list. */
export const TOPIC_TITLES: Partial<Record<IntentName, string>> = {
  eligibility: say('topic.eligibility'),
  file_ended: say('topic.file_ended'),
  file_active: say('topic.file_active'),
  my_disputes: say('topic.my_disputes'),
  guide_mediation: say('topic.guide_mediation'),
  guide_recommendation: say('topic.guide_recommendation'),
  guide_arbitration: say('topic.guide_arbitration'),
  guide_fees: say('topic.guide_fees'),
  guide_unresponsive: say('topic.guide_unresponsive'),
  guide_deadline: say('topic.guide_deadline'),
  guide_stages: say('topic.guide_stages'),
  talk_to_person: say('topic.talk_to_person'),
};

export function topicChoice(intent: IntentName): Choice {
  return { value: intent, title: TOPIC_TITLES[intent] ?? intent };
}

/** The main choices offered on welcome, help and whenever the user seems lost. */
export const MAIN_MENU: Choice[] = (
  ['eligibility', 'file_ended', 'file_active', 'my_disputes', 'guide_stages', 'talk_to_person'] as const
).map(topicChoice);
