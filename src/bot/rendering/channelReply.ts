import { ActionTypes, Activity, ActivityTypes, CardAction, InputHints } from 'botbuilder';
import { adaptiveCardAttachment } from './adaptiveCard';
import { capabilitiesOf } from './channelCapabilities';
import { Choice } from './choice';
import { choiceSubmitActions } from './choiceSubmitActions';
import { numberedChoiceList } from './choiceText';

/** What a reply says, before it is shaped for a channel. */
export interface ReplyContent {
  /** The reply as plain text; must read well without any card. */
  plainText: string;
  /** Follow-up options the user can pick from. */
  choices?: Choice[];
}

/**
 * The one place the per-channel rules live. Words always travel in `text` (so every reply reads on
 * its own); on channels that show cards, the options travel as an Adaptive Card of buttons (plus
 * suggested actions where supported) and the card repeats none of the words, since Web Chat and
 * Teams show both the text and the card; elsewhere the options are numbered lines in the text.
 * The card's fallbackText carries the words and the numbered options for clients that cannot draw it.
 */
export function channelReply(channelId: string, content: ReplyContent): Partial<Activity> {
  const capabilities = capabilitiesOf(channelId);
  const choices = content.choices ?? [];
  const hasChoices = choices.length > 0;

  const numbered = hasChoices ? numberedChoiceList(choices) : '';
  const text = capabilities.adaptiveCards ? content.plainText : paragraphs(content.plainText, numbered);

  const reply: Partial<Activity> = {
    type: ActivityTypes.Message,
    text,
    inputHint: hasChoices ? InputHints.ExpectingInput : InputHints.AcceptingInput,
  };
  if (capabilities.adaptiveCards && hasChoices) {
    reply.attachments = [
      adaptiveCardAttachment(
        choiceSubmitActions(channelId, choices),
        paragraphs(content.plainText, numbered),
      ),
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
