import type { Request, Response } from 'restify';
import { z, ZodType, ZodTypeDef } from 'zod';
import {
  DeliveryFailedError,
  HandoffCaseNotFoundError,
  HandoffConflictError,
} from '../../services/handoff/errors';
import {
  DisputeActionNotAllowedError,
  DisputeNotFoundError,
  DisputeUpdateConflictError,
  DisputeValidationError,
  IllegalTransitionError,
} from '../../services/disputes/errors';
import type { Logger } from '../../services/logging/logger';
import { AgentAuthenticator, AgentAuthError } from './agentAuth';
import type { AgentIdentity, AgentRole } from './agentToken';

/** Input that fails its schema: answered 400 with the reason. */
export class InvalidRequestError extends Error {
  override readonly name = 'InvalidRequestError';
}

export function parseRequest<Output, Input>(
  schema: ZodType<Output, ZodTypeDef, Input>,
  value: unknown,
  where: string,
): Output {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((issue) => `${[where, ...issue.path].join('.')}: ${issue.message}`);
  throw new InvalidRequestError(reasons.join('; '));
}

/** A path parameter as the router decoded it (percent-escapes are already resolved). */
export function pathParam(req: Request, name: string): string {
  return (req.params as Record<string, string | undefined>)[name] ?? '';
}

export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url ?? '/', 'http://localhost').searchParams);
}

export type AgentHandler = (req: Request, res: Response, agent: AgentIdentity) => Promise<void>;

/**
 * Wraps an agent route: authenticates (401/403/503), runs the handler, and turns the services' errors
 * into answers the console can show (400 invalid, 404 unknown, 409 not allowed now, 502 not delivered).
 */
export function agentRoute(
  auth: AgentAuthenticator,
  roles: readonly AgentRole[],
  logger: Logger,
  handler: AgentHandler,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    res.header('cache-control', 'no-store');
    try {
      const agent = await auth.authenticate(req.header('authorization'), roles);
      await handler(req, res, agent);
    } catch (error) {
      const [status, body] = answerFor(error);
      if (status === 401) res.header('www-authenticate', 'Bearer error="invalid_token"');
      if (status >= 500 && status !== 503)
        logger.error(
          { event: 'agent_api_error', route: req.getRoute()?.path, error: (error as Error).message },
          'Agent API request failed',
        );
      res.send(status, body);
    }
  };
}

function answerFor(error: unknown): [number, { error: string; message: string }] {
  if (error instanceof AgentAuthError) return [error.status, { error: error.code, message: error.message }];
  if (error instanceof InvalidRequestError || error instanceof DisputeValidationError)
    return [400, { error: 'invalid_request', message: error.message }];
  if (error instanceof z.ZodError) return [400, { error: 'invalid_request', message: error.message }];
  if (error instanceof HandoffCaseNotFoundError || error instanceof DisputeNotFoundError)
    return [404, { error: 'not_found', message: error.message }];
  if (
    error instanceof HandoffConflictError ||
    error instanceof IllegalTransitionError ||
    error instanceof DisputeActionNotAllowedError ||
    error instanceof DisputeUpdateConflictError
  )
    return [409, { error: 'conflict', message: error.message }];
  if (error instanceof DeliveryFailedError)
    return [502, { error: 'delivery_failed', message: error.message }];
  return [500, { error: 'internal_error', message: 'Something went wrong' }];
}
