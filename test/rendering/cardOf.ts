import { Activity } from 'botbuilder';
import { AdaptiveCard } from '../../src/bot/rendering/adaptiveCard';

const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Card a reply carries, or undefined; fails loudly on any other attachment. */
export function cardOf(reply: Partial<Activity>): AdaptiveCard | undefined {
  const attachments = reply.attachments ?? [];
  if (attachments.length === 0) {
    return undefined;
  }
  expect(attachments).toHaveLength(1);
  expect(attachments[0].contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return attachments[0].content as AdaptiveCard;
}
