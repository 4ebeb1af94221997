import type { Activity } from 'botbuilder';

/**
 * The message text without the "<at>Bot</at>" Teams (and group chats elsewhere) put in front of it.
 * Does what TurnContext.removeRecipientMention does, but reads the mention entities as untrusted
 * input: one without `mentioned`, or without `text`, is skipped instead of throwing in the turn.
 */
export function textWithoutBotMention(activity: Partial<Activity>): string | undefined {
  const { text, recipient, entities } = activity;
  if (typeof text !== 'string' || !recipient?.id || !Array.isArray(entities)) return text;
  for (const entity of entities as unknown[]) {
    if (!isMentionOf(entity, recipient.id)) continue;
    return text.replace(entity.text, '').trim();
  }
  return text;
}

function isMentionOf(entity: unknown, botId: string): entity is { text: string } {
  if (typeof entity !== 'object' || entity === null) return false;
  const { type, mentioned, text } = entity as { type?: unknown; mentioned?: unknown; text?: unknown };
  return (
    type === 'mention' &&
    typeof text === 'string' &&
    text !== '' &&
    typeof mentioned === 'object' &&
    mentioned !== null &&
    (mentioned as { id?: unknown }).id === botId
  );
}
