import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Conversation ids are URL- and Redis-key-safe: base64url letters only, never a brace. */
export const CONVERSATION_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function newConversationId(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * A conversation's Direct Line token: "<conversationId>.<secret>". The id part says which conversation
 * to look up; only the token's sha256 is stored, and it is compared in constant time.
 */
export function newConversationToken(conversationId: string): string {
  return `${conversationId}.${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function conversationIdOfToken(token: string): string | undefined {
  const id = token.split('.')[0];
  return CONVERSATION_ID.test(id) ? id : undefined;
}

export function tokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The token from an "Authorization: Bearer <token>" header, if there is one. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
