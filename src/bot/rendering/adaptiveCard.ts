import { Attachment, CardFactory } from 'botbuilder';

/**
 * The small part of the Adaptive Card schema our replies use, typed so a misspelt property fails to
 * compile. Version 1.3 renders on Web Chat, the Emulator and Teams (desktop and mobile).
 */
export const ADAPTIVE_CARD_VERSION = '1.3';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  weight?: 'Default' | 'Bolder';
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium';
}

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
  body: TextBlock[];
  actions?: SubmitAction[];
}

/** A wrapping text block; long policy sentences must never be cut off. */
export function textBlock(text: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...style };
}

/** Wraps body and buttons in a card attachment; `fallbackText` is what hosts that cannot render it show. */
export function adaptiveCardAttachment(
  body: TextBlock[],
  actions: SubmitAction[],
  fallbackText: string,
): Attachment {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
  return CardFactory.adaptiveCard(card);
}
