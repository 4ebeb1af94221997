import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluateAccuracy, labeledUtterancesOf } from '../src/services/nlu/accuracy';
import { IntentRecognizer } from '../src/services/nlu/IntentRecognizer';
import { parseTrainingCorpus } from '../src/services/nlu/trainingCorpus';

/** Held-out intent accuracy and per-utterance recognition time, printed one figure per line. */
export async function measureIntentModel(): Promise<{
  intent_accuracy: number;
  intent_ms_per_utterance: number;
  train_ms: number;
}> {
  const heldOutFile = path.resolve(__dirname, '../../test/nlu/heldout.en.json');
  const examples = labeledUtterancesOf(parseTrainingCorpus(JSON.parse(readFileSync(heldOutFile, 'utf8'))));
  const trainStart = performance.now();
  const recognizer = await IntentRecognizer.train();
  const trainMs = performance.now() - trainStart;
  const start = performance.now();
  const report = await evaluateAccuracy(recognizer, examples);
  const perUtterance = (performance.now() - start) / report.total;
  console.log(
    `intent_accuracy ${report.accuracy.toFixed(3)} (${report.correct}/${report.total} held-out utterances)`,
  );
  console.log(`intent_train_ms ${trainMs.toFixed(0)}`);
  console.log(`intent_ms_per_utterance ${perUtterance.toFixed(3)}`);
  return { intent_accuracy: report.accuracy, intent_ms_per_utterance: perUtterance, train_ms: trainMs };
}

if (require.main === module) {
  measureIntentModel().then(
    (figures) => console.log(JSON.stringify(figures)),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
