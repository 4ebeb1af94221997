import type { FactId } from '../../services/content/factIds';
import type { IntentName } from '../../services/nlu/intents';

export interface GuideTopic {
  title: string;
  /** The facts that answer the question, in the order they are said. */
  facts: FactId[];
  /** Natural next questions, offered as choices. */
  followUps: IntentName[];
}

/** Short, direct answers to questions about the dispute process, each built only from policy facts. */
export const GUIDE_TOPICS = {
  guide_mediation: {
    title: 'Mediation',
    facts: ['P9', 'P11'],
    followUps: ['guide_arbitration', 'guide_unresponsive', 'guide_stages'],
  },
  guide_recommendation: {
    title: 'When mediation ends without agreement',
    facts: ['P11', 'P12'],
    followUps: ['guide_fees', 'guide_stages'],
  },
  guide_arbitration: {
    title: 'Arbitration',
    facts: ['P12', 'P13'],
    followUps: ['guide_recommendation', 'guide_stages'],
  },
  guide_fees: {
    title: 'Who pays for arbitration',
    facts: ['P13'],
    followUps: ['guide_arbitration', 'guide_stages'],
  },
  guide_unresponsive: {
    title: 'If the client does not respond',
    facts: ['P10'],
    followUps: ['guide_mediation', 'guide_stages'],
  },
  guide_deadline: {
    title: 'Deadline to answer a refund request',
    facts: ['P3', 'S1'],
    followUps: ['file_ended', 'talk_to_person'],
  },
  guide_stages: {
    title: 'The stages of a dispute',
    facts: ['P9', 'P10', 'P11', 'P12', 'P13', 'P14'],
    followUps: ['guide_fees', 'my_disputes'],
  },
} satisfies Partial<Record<IntentName, GuideTopic>>;

export type GuideIntent = keyof typeof GUIDE_TOPICS;

export function isGuideIntent(intent: string): intent is GuideIntent {
  return intent in GUIDE_TOPICS;
}
