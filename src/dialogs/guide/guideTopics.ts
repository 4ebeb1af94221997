import type { FactId } from '../../services/content/factIds';
import type { IntentName } from '../../services/nlu/intents';

export interface GuideTopic {
  /** The facts that answer the question, in the order they are said. */
  facts: FactId[];
  /** Natural next questions, offered as choices. */
  followUps: IntentName[];
}

/** Short, direct answers to questions about the dispute process, each built only from policy facts. */
export const GUIDE_TOPICS = {
  guide_mediation: {
    facts: ['P9', 'P11'],
    followUps: ['guide_arbitration', 'guide_unresponsive', 'guide_stages'],
  },
  guide_recommendation: {
    facts: ['P11', 'P12'],
    followUps: ['guide_fees', 'guide_stages'],
  },
  guide_arbitration: {
    facts: ['P12', 'P13'],
    followUps: ['guide_recommendation', 'guide_stages'],
  },
  guide_fees: {
    facts: ['P13'],
    followUps: ['guide_arbitration', 'guide_stages'],
  },
  guide_unresponsive: {
    facts: ['P10'],
    followUps: ['guide_mediation', 'guide_stages'],
  },
  guide_deadline: {
    facts: ['P3', 'S1'],
    followUps: ['file_ended', 'talk_to_person'],
  },
  guide_stages: {
    facts: ['P9', 'P10', 'P11', 'P12', 'P13', 'P14'],
    followUps: ['guide_fees', 'my_disputes'],
  },
} satisfies Partial<Record<IntentName, GuideTopic>>;

export type GuideIntent = keyof typeof GUIDE_TOPICS;

export function isGuideIntent(intent: string): intent is GuideIntent {
  return intent in GUIDE_TOPICS;
}
