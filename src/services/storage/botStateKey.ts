/**
 * botbuilder's state keys: "{channelId}/conversations/{id}/..." (conversation state, which expires)
 * or "{channelId}/users/{id}/..."; anything else is kept as one unscoped key.
 */
export interface BotStateKey {
  /** "{channelId}/conversations/{id}" or "{channelId}/users/{id}"; the whole key when unscoped. */
  scope: string;
  /** What follows the scope ("/" or "/more"); empty when unscoped. */
  rest: string;
  isConversationState: boolean;
}

const SCOPED_SEGMENTS = new Set(['conversations', 'users']);

export function parseBotStateKey(botKey: string): BotStateKey {
  const segments = botKey.split('/');
  const scoped = segments.length >= 3 && SCOPED_SEGMENTS.has(segments[1]);
  const scope = scoped ? segments.slice(0, 3).join('/') : botKey;
  return {
    scope,
    rest: scoped ? botKey.slice(scope.length) : '',
    isConversationState: scoped && segments[1] === 'conversations',
  };
}
