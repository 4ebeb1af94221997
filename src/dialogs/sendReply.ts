import type { TurnContext } from 'botbuilder';
import type { ReplyRenderer } from '../services/notifications/ReplyRenderer';
import type { Reply } from '../services/replies/reply';

/**
 * Sends reply data, drawn for the turn's channel by the renderer the composition root gave the
 * dialogs: flows say what to tell the user, never how a channel shows it.
 */
export async function sendReply(context: TurnContext, renderer: ReplyRenderer, reply: Reply): Promise<void> {
  await context.sendActivity(renderer.render(context.activity.channelId, reply));
}
