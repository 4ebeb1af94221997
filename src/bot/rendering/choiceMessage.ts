import { Activity } from 'botbuilder';
import { channelReply } from './channelReply';
import { Choice } from './choice';

/** A question with options, rendered for the channel (card buttons, or numbered lines on text channels). */
export function choiceMessage(channelId: string, text: string, choices: Choice[]): Partial<Activity> {
  return channelReply(channelId, { plainText: text, choices });
}
