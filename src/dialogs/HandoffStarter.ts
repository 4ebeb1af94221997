import type { TurnContext } from 'botbuilder';
import type { CaseSummary } from '../services/handoff/caseSummary';

/** The port through which a dialog passes the user to a person (the bot's HandoffInitiator in the app). */
export interface HandoffStarter {
  start(context: TurnContext, summary: CaseSummary): Promise<void>;
}
