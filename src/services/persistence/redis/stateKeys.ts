import { parseBotStateKey } from '../../storage/botStateKey';

/**
 * Maps a botbuilder state key to a Redis key under the configured prefix. The channel + conversation
 * (or user) part becomes a Redis Cluster hash tag, so all the keys of one conversation live in one
 * slot and can be read and written together. Braces and "%" inside the key are percent-encoded so
 * the tag stays unambiguous.
 */
export interface RedisStateKey {
  redisKey: string;
  /** Keys with the same tag share a slot and may go in one multi-key command. */
  hashTag: string;
  isConversationState: boolean;
}

function escapeBraces(part: string): string {
  return part.replace(/%/g, '%25').replace(/\{/g, '%7B').replace(/\}/g, '%7D');
}

export function toRedisStateKey(prefix: string, botKey: string): RedisStateKey {
  const { scope, rest, isConversationState } = parseBotStateKey(botKey);
  const hashTag = escapeBraces(scope);
  return { redisKey: `${prefix}:state:{${hashTag}}${escapeBraces(rest)}`, hashTag, isConversationState };
}
