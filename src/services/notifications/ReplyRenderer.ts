import type { Activity } from 'botbuilder';
import type { Choice } from '../replies/choice';
import type { InfoContent } from '../replies/infoContent';
import type { Reply } from '../replies/reply';

/**
 * Shapes a channel-neutral reply into the activity one channel shows. Dialogs, and code that writes to
 * users outside a dialog (notifications, reminders, the hand-off), say what to tell them; the bot's
 * renderer (src/bot/rendering), passed in by the composition root, decides how it looks per channel.
 */
export interface ReplyRenderer {
  /** Any reply. */
  render(channelId: string, reply: Reply): Partial<Activity>;
  /** An answer with an optional title and follow-up choices. */
  info(channelId: string, content: InfoContent): Partial<Activity>;
  /** A question with options. */
  choices(channelId: string, text: string, choices: Choice[]): Partial<Activity>;
}
