import { IntentRecognizer } from '../../src/services/nlu/IntentRecognizer';
import { evaluateAccuracy, labeledUtterancesOf } from '../../src/services/nlu/accuracy';
import { INTENT_NAMES } from '../../src/services/nlu/intents';
import { defaultTrainingCorpus, parseTrainingCorpus } from '../../src/services/nlu/trainingCorpus';
import heldoutJson from './heldout.en.json';

const MIN_HELDOUT_ACCURACY = 0.9;
const MIN_HELDOUT_PER_INTENT = 12;

const heldout = parseTrainingCorpus(heldoutJson);
const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

describe('intent model on utterances it was not trained on', () => {
  let recognizer: IntentRecognizer;

  beforeAll(async () => {
    recognizer = await IntentRecognizer.train();
  });

  it('every intent has at least 12 held-out utterances', () => {
    for (const intent of INTENT_NAMES) {
      const count = heldout.data
        .filter((group) => group.intent === intent)
        .reduce((sum, group) => sum + group.utterances.length, 0);
      expect({ intent, enough: count >= MIN_HELDOUT_PER_INTENT }).toEqual({ intent, enough: true });
    }
  });

  it('no held-out utterance appears in the training data', () => {
    const trained = new Set(labeledUtterancesOf(defaultTrainingCorpus()).map(({ text }) => normalize(text)));
    const leaked = labeledUtterancesOf(heldout).filter(({ text }) => trained.has(normalize(text)));
    expect(leaked).toEqual([]);
  });

  it(`routes at least ${MIN_HELDOUT_ACCURACY * 100}% of held-out utterances to the right intent`, async () => {
    const report = await evaluateAccuracy(recognizer, labeledUtterancesOf(heldout));
    // On failure the diff lists every confusion, so the training data can be fixed from the output.
    const confusionsWhenFailing = report.accuracy >= MIN_HELDOUT_ACCURACY ? [] : report.confusions;
    expect(confusionsWhenFailing).toEqual([]);
    expect(report.accuracy).toBeGreaterThanOrEqual(MIN_HELDOUT_ACCURACY);
    expect(report.total).toBe(labeledUtterancesOf(heldout).length);
  });
});
