import { Channels } from 'botbuilder';
import { SubmitAction } from './adaptiveCard';
import { Choice } from './choice';

/**
 * One card button per choice. The button sends `{ choice: value }` (read back by recognizeChoice).
 * On Teams a plain submit leaves no visible user message, so messageBack echoes the title instead.
 */
export function choiceSubmitActions(channelId: string, choices: Choice[]): SubmitAction[] {
  const onTeams = (channelId ?? '').toLowerCase() === Channels.Msteams;
  return choices.map((choice) => ({
    type: 'Action.Submit',
    title: choice.title,
    data: onTeams
      ? {
          choice: choice.value,
          msteams: { type: 'messageBack', text: choice.title, displayText: choice.title },
        }
      : { choice: choice.value },
  }));
}
