import { Activity } from 'botbuilder';
import { channelReply } from './channelReply';
import { Choice } from '../../services/replies/choice';

/** A question with options, rendered for the channel (suggested actions, card buttons or numbered lines). */
export function choiceMessage(channelId: string, text: string, choices: Choice[]): Partial<Activity> {
  return channelReply(channelId, { plainText: text, choices });
}
