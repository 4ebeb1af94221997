import type { TurnContext } from 'botbuilder';

/** A part that may take a message turn before the dialogs (the hand-off gate); true when it handled it. */
export interface TurnInterceptor {
  intercept(context: TurnContext): Promise<boolean>;
}
