import type { PolicyContent } from '../services/content/PolicyContent';
import type { IntentSource } from './IntentSource';

/** What every dialog of the assistant is built with. */
export interface DialogDependencies {
  intents: IntentSource;
  content: PolicyContent;
}
