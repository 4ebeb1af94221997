import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';
import { choiceMessage } from './choiceMessage';
import { infoMessage } from './infoMessage';
import { renderReply } from './renderReply';

/**
 * The renderer every message is drawn with: the dialogs' replies and the domain's messages
 * (notifications, reminders, the hand-off), given to them by the composition root.
 */
export const channelRenderer: ReplyRenderer = {
  render: renderReply,
  info: infoMessage,
  choices: choiceMessage,
};
