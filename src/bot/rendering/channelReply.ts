import { ActionTypes, Activity, ActivityTypes, CardAction, InputHints } from 'botbuilder';
import { adaptiveCardAttachment, TextBlock } from './adaptiveCard';
import { capabilitiesOf } from './channelCapabilities';
import { Choice } from './choice';
import { choiceSubmitActions } from './choiceSubmitActions';
import { inlineChoiceList, numberedChoiceList } from './choiceText';

/** What a reply says, before it is shaped for a channel. */
export interface ReplyContent {
  /** The reply as plain text; must read well without any card. */
  plainText: string;
  /** The same content laid out for an Adaptive Card. */
  cardBody: TextBlock[];
  /** Follow-up options the user can pick from. */
  choices?: Choice[];
}

/**
 * The one place the per-channel rules live: a card where the channel shows cards, numbered choices
 * where it does not, suggested actions where supported, and `text` always set and complete.
 */
export function channelReply(channelId: string, content: ReplyContent): Partial<Activity> {
  const capabilities = capabilitiesOf(channelId);
  const choices = content.choices ?? [];
  const hasChoices = choices.length > 0;

  const choicesAsText = !hasChoices
    ? ''
    : capabilities.adaptiveCards
      ? inlineChoiceList(choices)
      : numberedChoiceList(choices);
  const text = paragraphs(content.plainText, choicesAsText);

  const reply: Partial<Activity> = {
    type: ActivityTypes.Message,
    text,
    inputHint: hasChoices ? InputHints.ExpectingInput : InputHints.AcceptingInput,
  };
  if (capabilities.adaptiveCards) {
    reply.attachments = [
      adaptiveCardAttachment(content.cardBody, choiceSubmitActions(channelId, choices), text),
    ];
  }
  if (capabilities.suggestedActions && hasChoices) {
    reply.suggestedActions = { to: [], actions: choices.map(imBackAction) };
  }
  return reply;
}

// imBack posts the title as the user's message, which recognizeChoice matches like typed words.
function imBackAction(choice: Choice): CardAction {
  return { type: ActionTypes.ImBack, title: choice.title, value: choice.title };
}

/** Blank-line separated, so markdown channels keep the paragraphs apart. */
export function paragraphs(...parts: string[]): string {
  return parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join('\n\n');
}
