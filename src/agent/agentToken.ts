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

export function secretKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** A bearer token for the agent API, HS256-signed with AGENT_JWT_SECRET; it always expires. */
export async function signAgentToken(
  secret: string,
  claims: { sub: string; role: AgentRole; ttlSeconds: number },
): Promise<string> {
  return new SignJWT({ role: claims.role })
    .setProtectedHeader({ alg: HS256, typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + claims.ttlSeconds)
    .sign(secretKey(secret));
}
