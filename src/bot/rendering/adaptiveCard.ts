import { Attachment, CardFactory } from 'botbuilder';

/**
 * The small part of the Adaptive Card schema our replies use, typed so a misspelt property fails to
 * compile. Version 1.3 renders on Web Chat, the Emulator and Teams (desktop and mobile).
 */
export const ADAPTIVE_CARD_VERSION = '1.3';

/** Teams-only extra on a submit button: show `displayText` as the user's message, send `text` to the bot. */
export interface TeamsMessageBack {
  type: 'messageBack';
  text: string;
  displayText: string;
}

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: { choice: string; msteams?: TeamsMessageBack };
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
