import { z } from 'zod';
import { INTENT_NAMES } from './intents';
import trainingData from './data/training.en.json';

const intentUtterancesSchema = z.object({
  intent: z.enum(INTENT_NAMES),
  utterances: z.array(z.string().trim().min(1)).min(1),
});

/** Same shape for the training file and the held-out file, so both are checked the same way. */
export const trainingCorpusSchema = z.object({
  locale: z.literal('en'),
  data: z.array(intentUtterancesSchema).min(1),
});

export type TrainingCorpus = z.infer<typeof trainingCorpusSchema>;

/** Validates corpus JSON: an unknown intent name or an empty utterance fails loudly at start-up. */
export function parseTrainingCorpus(json: unknown): TrainingCorpus {
  return trainingCorpusSchema.parse(json);
}

/** The corpus shipped in the repo (src/services/nlu/data/training.en.json). */
export function defaultTrainingCorpus(): TrainingCorpus {
  return parseTrainingCorpus(trainingData);
}
