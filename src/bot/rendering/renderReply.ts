import type { Activity } from 'botbuilder';
import type { Reply } from '../../services/replies/reply';
import { checklistMessage } from './checklistMessage';
import { choiceMessage } from './choiceMessage';
import { infoMessage } from './infoMessage';

/** Any reply, drawn for the channel: the one entry every message of the assistant goes through. */
export function renderReply(channelId: string, reply: Reply): Partial<Activity> {
  switch (reply.kind) {
    case 'info':
      return infoMessage(channelId, reply);
    case 'choices':
      return choiceMessage(channelId, reply.text, reply.choices);
    case 'checklist':
      return checklistMessage(channelId, reply);
  }
}
