import type { ConversationReference, ConversationState, TurnContext } from 'botbuilder';
import type { SatisfactionSurvey } from './satisfaction/SatisfactionSurvey';
import type { Logger } from '../services/logging/logger';
import { pseudonym } from '../services/logging/pseudonym';

/** Runs logic in a proactive turn of the conversation, on whichever adapter serves its channel. */
export type ProactiveTurn = (
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
) => Promise<void>;

/**
 * Asks the satisfaction question after an agent closed the hand-off: a proactive turn through the
 * middleware (so the question is recorded like any other), on the conversation's own state, where
 * the user's answer is then expected. Best effort: a failure is logged, the close stands.
 */
export async function askSatisfactionProactively(
  deps: {
    proactiveTurn: ProactiveTurn;
    conversationState: ConversationState;
    survey: SatisfactionSurvey;
    logger: Logger;
  },
  reference: Partial<ConversationReference>,
): Promise<void> {
  try {
    await deps.proactiveTurn(reference, async (context) => {
      await deps.conversationState.load(context);
      await deps.survey.ask(context);
      await deps.conversationState.saveChanges(context);
    });
  } catch (error) {
    deps.logger.warn(
      {
        event: 'satisfaction_ask_failed',
        conversation: pseudonym(reference.conversation?.id),
        error: (error as Error).message,
      },
      'Could not ask for a rating after the hand-off',
    );
  }
}
