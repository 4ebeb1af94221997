import { Activity } from 'botbuilder';
import type { ChecklistContent } from '../../services/replies/checklistContent';
import { channelReply, paragraphs } from './channelReply';

/** One step of a numbered checklist, or all of it. */
export function checklistMessage(channelId: string, content: ChecklistContent): Partial<Activity> {
  const { title, steps, current } = content;
  if (current === 'all') {
    const numbered = steps.map((step, index) => `${index + 1}. ${step}`);
    return channelReply(channelId, { plainText: paragraphs(title, numbered.join('\n')) });
  }

  if (!Number.isInteger(current) || current < 1 || current > steps.length) {
    // A wrong step number is a bug in the calling dialog; showing "Step 9 of 7" would mislead the user.
    throw new RangeError(`checklist step ${current} is outside 1..${steps.length}`);
  }
  const position = `Step ${current} of ${steps.length}`;
  const step = steps[current - 1];
  return channelReply(channelId, { plainText: paragraphs(title, `${position}: ${step}`) });
}
