import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import { AgentIdentity, AgentRole, agentRoleSchema, HS256, secretKey } from './agentToken';

/** Why a request to the agent API is refused, with the HTTP status it gets. */
export class AgentAuthError extends Error {
  override readonly name = 'AgentAuthError';
  constructor(
    readonly status: 401 | 403 | 503,
    readonly code: 'unauthorized' | 'forbidden' | 'not_configured',
    message: string,
  ) {
    super(message);
  }
}

const claimsSchema = z.object({ sub: z.string().min(1).max(256), role: agentRoleSchema });

/**
 * Checks `Authorization: Bearer <JWT>`: HS256 with the configured secret only (no other algorithm is
 * accepted, so a token signed with another key or "alg: none" fails), an expiry is required, and the
 * role must be one the route allows (401 for a bad token, 403 for the wrong role).
 */
export class AgentAuthenticator {
  private readonly key: Uint8Array | undefined;

  constructor(secret: string | undefined) {
    this.key = secret ? secretKey(secret) : undefined;
  }

  async authenticate(
    authorization: string | undefined,
    allowed: readonly AgentRole[],
  ): Promise<AgentIdentity> {
    if (!this.key)
      throw new AgentAuthError(503, 'not_configured', 'The agent API is not configured (AGENT_JWT_SECRET)');
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new AgentAuthError(401, 'unauthorized', 'A bearer token is required');
    const identity = await this.verify(token);
    if (!allowed.includes(identity.role))
      throw new AgentAuthError(403, 'forbidden', `This route is for the role: ${allowed.join(' or ')}`);
    return identity;
  }

  private async verify(token: string): Promise<AgentIdentity> {
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: [HS256],
        requiredClaims: ['exp', 'sub'],
      });
      const claims = claimsSchema.parse(payload);
      return { id: claims.sub, role: claims.role };
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw new AgentAuthError(401, 'unauthorized', 'The token has expired');
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError)
        throw new AgentAuthError(401, 'unauthorized', 'The token is not valid');
      throw error;
    }
  }
}
