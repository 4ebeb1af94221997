import { Activity } from 'botbuilder';
import { channelReply, paragraphs } from './channelReply';
import type { InfoContent } from '../../services/replies/infoContent';

/** An answer (optional title, then paragraphs) with optional follow-up choices. */
export function infoMessage(channelId: string, content: InfoContent): Partial<Activity> {
  const title = content.title?.trim();
  return channelReply(channelId, {
    plainText: paragraphs(title ?? '', ...content.lines),
    choices: content.choices,
  });
}
