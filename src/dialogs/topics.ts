import type { Choice } from '../services/replies/choice';
import type { IntentName } from '../services/nlu/intents';

/** How each topic the user can pick is titled on a button or in a numbered list. */
export const TOPIC_TITLES: Partial<Record<IntentName, string>> = {
  eligibility: 'Is my situation covered?',
  file_ended: 'Dispute on an ended contract',
  file_active: 'Unpaid milestone, active contract',
  my_disputes: 'My disputes',
  guide_mediation: 'How mediation works',
  guide_recommendation: 'If mediation ends without agreement',
  guide_arbitration: 'Arbitration',
  guide_fees: 'Who pays for arbitration',
  guide_unresponsive: 'If the client does not respond',
  guide_deadline: 'Deadline to answer a refund request',
  guide_stages: 'The stages of a dispute',
  talk_to_person: 'Talk to a person',
};

export function topicChoice(intent: IntentName): Choice {
  return { value: intent, title: TOPIC_TITLES[intent] ?? intent };
}

/** The main choices offered on welcome, help and whenever the user seems lost. */
export const MAIN_MENU: Choice[] = (
  ['eligibility', 'file_ended', 'file_active', 'my_disputes', 'guide_stages', 'talk_to_person'] as const
).map(topicChoice);
