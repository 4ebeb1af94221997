import { Activity } from 'botbuilder';
import { TextBlock, textBlock } from './adaptiveCard';
import { channelReply, paragraphs } from './channelReply';
import { Choice } from './choice';

export interface InfoContent {
  title?: string;
  lines: string[];
  /** Optional follow-ups offered under the answer. */
  choices?: Choice[];
}

/** An answer (optional title, then paragraphs) with optional follow-up choices. */
export function infoMessage(channelId: string, content: InfoContent): Partial<Activity> {
  const title = content.title?.trim();
  const body: TextBlock[] = [
    ...(title ? [textBlock(title, { weight: 'Bolder', size: 'Medium' })] : []),
    ...content.lines.map((line) => textBlock(line)),
  ];
  return channelReply(channelId, {
    plainText: paragraphs(title ?? '', ...content.lines),
    cardBody: body,
    choices: content.choices,
  });
}
