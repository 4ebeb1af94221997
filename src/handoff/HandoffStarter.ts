import type { TurnContext } from 'botbuilder';
import type { CaseSummary } from './caseSummary';

/** What a dialog needs to pass the user to a person (HandoffService in the app). */
export interface HandoffStarter {
  start(context: TurnContext, summary: CaseSummary): Promise<void>;
}
