/**
 * Maps a botbuilder state key ("{channelId}/conversations/{id}/..." or "{channelId}/users/{id}/...")
 * to a Redis key under the configured prefix. The channel + conversation (or user) part becomes a
 * Redis Cluster hash tag, so all the keys of one conversation live in one slot and can be read and
 * written together. Braces and "%" inside the key are percent-encoded so the tag stays unambiguous.
 */
export interface RedisStateKey {
  redisKey: string;
  /** Keys with the same tag share a slot and may go in one multi-key command. */
  hashTag: string;
  isConversationState: boolean;
}

const SCOPED_SEGMENTS = new Set(['conversations', 'users']);

function escapeBraces(part: string): string {
  return part.replace(/%/g, '%25').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

export function toRedisStateKey(prefix: string, botKey: string): RedisStateKey {
  const segments = botKey.split('/');
  const scoped = segments.length >= 3 && SCOPED_SEGMENTS.has(segments[1]);
  const tagSource = scoped ? segments.slice(0, 3).join('/') : botKey;
  const rest = scoped ? botKey.slice(tagSource.length) : '';
  const hashTag = escapeBraces(tagSource);
  return {
    redisKey: `${prefix}:state:{${hashTag}}${escapeBraces(rest)}`,
    hashTag,
    isConversationState: scoped && segments[1] === 'conversations',
  };
}
