import { errors as joseErrors, jwtVerify } from 'jose';
import { z } from 'zod';
import {
  AGENT_TOKEN_AUDIENCE,
  AGENT_TOKEN_ISSUER,
  AGENT_TOKEN_MAX_LIFETIME_SECONDS,
  AgentIdentity,
  AgentRole,
  agentRoleSchema,
  HS256,
  secretKey,
} from './agentToken';

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

const claimsSchema = z.object({
  sub: z.string().min(1).max(256),
  role: agentRoleSchema,
  iat: z.number(),
  exp: z.number(),
});

/**
 * Checks `Authorization: Bearer <JWT>`: HS256 with the configured secret only (no other algorithm is
 * accepted, so a token signed with another key or "alg: none" fails), this service as issuer and
 * audience, an issue time and an expiry at most AGENT_TOKEN_MAX_LIFETIME_SECONDS apart (and no
 * further ahead than that), and a role the route allows (401 for a bad token, 403 for the wrong role).
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
        issuer: AGENT_TOKEN_ISSUER,
        audience: AGENT_TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'iss', 'aud'],
      });
      const claims = claimsSchema.parse(payload);
      const nowSeconds = Math.floor(Date.now() / 1000);
      if (
        claims.exp - claims.iat > AGENT_TOKEN_MAX_LIFETIME_SECONDS ||
        claims.exp - nowSeconds > AGENT_TOKEN_MAX_LIFETIME_SECONDS
      )
        throw new AgentAuthError(401, 'unauthorized', 'The token lives too long (12 hours at most)');
      return { id: claims.sub, role: claims.role };
    } catch (error) {
      if (error instanceof AgentAuthError) throw error;
      if (error instanceof joseErrors.JWTExpired)
        throw new AgentAuthError(401, 'unauthorized', 'The token has expired');
      if (error instanceof joseErrors.JOSEError || error instanceof z.ZodError)
        throw new AgentAuthError(401, 'unauthorized', 'The token is not valid');
      throw error;
    }
  }
}
