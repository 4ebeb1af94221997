import type { Activity } from 'botbuilder';
import type { Choice } from '../replies/choice';
import type { InfoContent } from '../replies/infoContent';

/**
 * Shapes a channel-neutral reply into the activity one channel shows. Code that writes to users
 * outside a dialog (notifications, reminders, the hand-off) says what to tell them; the bot's
 * renderer (src/bot/rendering), passed in by the composition root, decides how it looks per channel.
 */
export interface ReplyRenderer {
  /** An answer with an optional title and follow-up choices. */
  info(channelId: string, content: InfoContent): Partial<Activity>;
  /** A question with options. */
  choices(channelId: string, text: string, choices: Choice[]): Partial<Activity>;
}
