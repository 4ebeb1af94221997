import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';
import { choiceMessage } from './choiceMessage';
import { infoMessage } from './infoMessage';

/** The renderer the domain's messages (notifications, reminders, the hand-off) are drawn with. */
export const channelRenderer: ReplyRenderer = { info: infoMessage, choices: choiceMessage };
