import type { ConversationUser } from '../directline/ConversationLog';

export interface DirectLineServiceTicket {
  conversationId: string;
  token: string;
  expires_in: number;
}

/** The Direct Line service answered something other than a token. */
export class DirectLineServiceError extends Error {
  constructor(readonly status: number) {
    super(`the Direct Line service answered ${status}`);
    this.name = 'DirectLineServiceError';
  }
}

/**
 * Exchanges the Direct Line secret for a token bound to one user (POST <domain>/tokens/generate), so
 * the secret never reaches a browser. The "dl_" prefix marks a user id the service vouches for:
 * Direct Line's enhanced authentication keeps the page from sending activities as anyone else.
 */
export async function generateServiceToken(
  domain: string,
  secret: string,
  user: ConversationUser,
): Promise<DirectLineServiceTicket & { userId: string }> {
  const userId = `dl_${user.id}`;
  const response = await fetch(`${domain}/tokens/generate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ user: { id: userId, name: user.name } }),
    signal: AbortSignal.timeout(10000),
  });
  if (!response.ok) throw new DirectLineServiceError(response.status);
  const ticket = (await response.json()) as DirectLineServiceTicket;
  return {
    conversationId: ticket.conversationId,
    token: ticket.token,
    expires_in: ticket.expires_in,
    userId,
  };
}
