import { IntentResult } from './IntentRecognizer';
import { RecognizedIntentName } from './intents';
import { TrainingCorpus } from './trainingCorpus';

export interface LabeledUtterance {
  text: string;
  expected: RecognizedIntentName;
}

export interface Confusion {
  text: string;
  expected: RecognizedIntentName;
  got: RecognizedIntentName;
}

export interface AccuracyReport {
  /** correct / total, 0 when there are no examples. */
  accuracy: number;
  total: number;
  correct: number;
  confusions: Confusion[];
}

/** Anything that can recognize text; the benchmark passes an IntentRecognizer. */
export interface Recognizes {
  recognize(text: string): Promise<IntentResult>;
}

/** Exact-match accuracy: "none" for an out_of_scope example counts as a miss, to keep the figure strict. */
export async function evaluateAccuracy(
  recognizer: Recognizes,
  examples: readonly LabeledUtterance[],
): Promise<AccuracyReport> {
  const confusions: Confusion[] = [];
  for (const { text, expected } of examples) {
    const { intent: got } = await recognizer.recognize(text);
    if (got !== expected) {
      confusions.push({ text, expected, got });
    }
  }
  const total = examples.length;
  const correct = total - confusions.length;
  return { accuracy: total === 0 ? 0 : correct / total, total, correct, confusions };
}

/** Flattens a corpus file (e.g. the held-out set) into labeled examples. */
export function labeledUtterancesOf(corpus: TrainingCorpus): LabeledUtterance[] {
  return corpus.data.flatMap(({ intent, utterances }) =>
    utterances.map((text) => ({ text, expected: intent })),
  );
}
