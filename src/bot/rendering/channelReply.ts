import { ActionTypes, Activity, ActivityTypes, CardAction, InputHints } from 'botbuilder';
import { adaptiveCardAttachment } from './adaptiveCard';
import { Choice } from '../../services/replies/choice';
import { choiceStyleOf } from './choiceStyle';
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
 * its own); the options travel in exactly one form the channel shows (see choiceStyleOf): suggested
 * actions, an Adaptive Card of buttons that repeats none of the words, or numbered lines in the text.
 * The card's fallbackText carries the words and the numbered options for clients that cannot draw it.
 */
export function channelReply(channelId: string, content: ReplyContent): Partial<Activity> {
  const choices = content.choices ?? [];
  const hasChoices = choices.length > 0;
  const style = hasChoices ? choiceStyleOf(channelId, choices.length) : undefined;
  const numbered = hasChoices ? numberedChoiceList(choices) : '';

  const reply: Partial<Activity> = {
    type: ActivityTypes.Message,
    text: style === 'numberedText' ? paragraphs(content.plainText, numbered) : content.plainText,
    inputHint: hasChoices ? InputHints.ExpectingInput : InputHints.AcceptingInput,
  };
  if (style === 'cardButtons') {
    reply.attachments = [
      adaptiveCardAttachment(choiceSubmitActions(choices), paragraphs(content.plainText, numbered)),
    ];
  }
  if (style === 'suggestedActions') {
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
