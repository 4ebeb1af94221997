import { Nlp } from '@nlpjs/nlp';
import { LangEn } from '@nlpjs/lang-en-min';
import { IntentName, NO_INTENT, RecognizedIntentName, isIntentName } from './intents';
import { TrainingCorpus, defaultTrainingCorpus } from './trainingCorpus';

export interface RankedIntent {
  intent: IntentName;
  score: number;
}

export interface IntentResult {
  intent: RecognizedIntentName;
  score: number;
  /** Best first, at most three. */
  ranked: RankedIntent[];
}

const LOCALE = 'en';
const RANKED_LIMIT = 3;
/** NLP.js's own default: below this the answer is "None". Kept explicit so it is visible here. */
const NONE_THRESHOLD = 0.5;

/** Local intent model (NLP.js neural classifier), trained in memory from the repo's utterances. */
export class IntentRecognizer {
  private constructor(private readonly nlp: Nlp) {}

  static async train(corpus: TrainingCorpus = defaultTrainingCorpus()): Promise<IntentRecognizer> {
    const nlp = new Nlp({
      languages: [LOCALE],
      // No model file on disk and no training log on stdout: the model lives in memory only.
      autoSave: false,
      autoLoad: false,
      threshold: NONE_THRESHOLD,
      forceNER: false,
      calculateSentiment: false,
      nlu: { log: false },
    });
    nlp.use(LangEn);
    for (const { intent, utterances } of corpus.data) {
      for (const utterance of utterances) {
        nlp.addDocument(LOCALE, utterance, intent);
      }
    }
    await nlp.train();
    return new IntentRecognizer(nlp);
  }

  async recognize(text: string): Promise<IntentResult> {
    const utterance = text.trim();
    // NLP.js would treat an empty utterance oddly (it falls back to other arguments), so answer here.
    if (utterance === '') {
      return { intent: NO_INTENT, score: 0, ranked: [] };
    }
    const result = await this.nlp.process(LOCALE, utterance);
    const ranked = result.classifications
      .filter((c): c is RankedIntent => isIntentName(c.intent) && c.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, RANKED_LIMIT)
      .map(({ intent, score }) => ({ intent, score }));
    const intent = isIntentName(result.intent) ? result.intent : NO_INTENT;
    return { intent, score: result.score, ranked };
  }
}
