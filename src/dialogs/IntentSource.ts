import type { IntentResult } from '../services/nlu/IntentRecognizer';

/** What the dialogs need from the language model: the ranked intents of one utterance. */
export interface IntentSource {
  recognize(text: string): Promise<IntentResult>;
}
