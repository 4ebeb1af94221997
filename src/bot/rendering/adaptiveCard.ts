import { Attachment, CardFactory } from 'botbuilder';
import type { ChoiceSubmission } from '../../services/replies/choiceSubmission';

/**
 * The small part of the Adaptive Card schema our replies use, typed so a misspelt property fails to
 * compile. Version 1.3 renders on Teams (desktop and mobile) and in the Microsoft 365 Agents Playground.
 */
export const ADAPTIVE_CARD_VERSION = '1.3';

/**
 * A plain submit button. Teams, the Agents Playground and Web Chat all post its object `data` back
 * as the activity's `value` (with no text), which recognizeChoice reads. No Teams `msteams` extras:
 * the Playground drops a `messageBack` submit without sending anything.
 */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: Required<ChoiceSubmission>;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  fallbackText: string;
  /** Always empty: the words travel in the activity's text, the card only carries the buttons. */
  body: [];
  actions?: SubmitAction[];
}

/** Wraps buttons in a card attachment; `fallbackText` is what hosts that cannot render it show. */
export function adaptiveCardAttachment(actions: SubmitAction[], fallbackText: string): Attachment {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body: [],
    ...(actions.length > 0 ? { actions } : {}),
  };
  return CardFactory.adaptiveCard(card);
}
