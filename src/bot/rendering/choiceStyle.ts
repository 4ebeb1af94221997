import { Channels } from 'botbuilder';
import { supportsCardActions, supportsSuggestedActions } from 'botbuilder-dialogs';

/**
 * How a channel shows a set of choices: exactly one of these per reply, so no option appears twice.
 * - `suggestedActions`: buttons under the message that post the title as the user's words (Web Chat).
 * - `cardButtons`: an Adaptive Card of submit buttons whose data is the choice (Teams).
 * - `numberedText`: "1. Title" lines in the text, answered by typing (Slack and every other channel).
 */
export type ChoiceStyle = 'suggestedActions' | 'cardButtons' | 'numberedText';

// Of the card channels in botbuilder's table, only Teams draws our Adaptive Cards: Slack renders
// hero-card buttons through Azure's connector at best, so it keeps the numbered text that always reads.
const ADAPTIVE_CARD_CHANNELS: ReadonlySet<string> = new Set([Channels.Msteams]);

/**
 * Follows botbuilder's own channel tables (`ChoiceFactory.forChannel`): suggested actions where the
 * channel supports them for this many choices, card buttons where only card actions work, numbered
 * text elsewhere. Unlike `forChannel` it keeps buttons for titles over 20 characters, which Web Chat
 * and Teams wrap without trouble. Unknown channels get text: a reply that renders nowhere is worse.
 */
export function choiceStyleOf(channelId: string, choiceCount: number): ChoiceStyle {
  const id = (channelId ?? '').toLowerCase();
  if (supportsSuggestedActions(id, choiceCount)) return 'suggestedActions';
  if (ADAPTIVE_CARD_CHANNELS.has(id) && supportsCardActions(id, choiceCount)) return 'cardButtons';
  return 'numberedText';
}
