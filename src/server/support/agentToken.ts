import { SignJWT } from 'jose';
import { z } from 'zod';

/**
 * Who may call which agent route: support agents handle conversations, mediators move disputes,
 * supervisors read the support team's figures.
 */
export const agentRoleSchema = z.enum(['agent', 'mediator', 'supervisor']);
export type AgentRole = z.infer<typeof agentRoleSchema>;

/** The verified caller of the agent API. */
export interface AgentIdentity {
  /** The token's `sub`: who acts, recorded in the dispute history. */
  id: string;
  role: AgentRole;
}

export const HS256 = 'HS256';

/** Who signs agent tokens (`iss`) and what they are for (`aud`): a token minted for anything else is refused. */
export const AGENT_TOKEN_ISSUER = 'dispute-assistant';
export const AGENT_TOKEN_AUDIENCE = 'dispute-assistant/agent-api';

/** A shift, not a season: a leaked token is useless by the next day. Longer tokens are refused. */
export const AGENT_TOKEN_MAX_LIFETIME_SECONDS = 12 * 60 * 60;

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/**
 * A bearer token for the agent API, HS256-signed with AGENT_JWT_SECRET, with this service as issuer
 * and audience; it always expires, within AGENT_TOKEN_MAX_LIFETIME_SECONDS.
 */
export async function signAgentToken(
  secret: string,
  claims: { sub: string; role: AgentRole; ttlSeconds: number },
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: HS256, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(AGENT_TOKEN_ISSUER)
    .setAudience(AGENT_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + claims.ttlSeconds)
    .sign(secretKey(secret));
}
