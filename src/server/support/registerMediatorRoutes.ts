import type { Request, Server } from 'restify';
import type { DisputeService } from '../../services/disputes/DisputeService';
import { DisputeNotFoundError } from '../../services/disputes/errors';
import type { Actor, Dispute } from '../../services/disputes/schemas';
import type { Logger } from '../../services/logging/logger';
import { AgentAuthError, type AgentAuthenticator } from './agentAuth';
import { agentRoute, parseRequest, pathParam } from './agentHttp';
import {
  decisionBodySchema,
  disputeParamsSchema,
  noteBodySchema,
  recommendationBodySchema,
  recommendationResponseBodySchema,
} from './agentSchemas';
import type { AgentIdentity } from './agentToken';
import { disputeView } from './agentViews';

const DISPUTE = '/api/agent/disputes/:id';

/**
 * The mediation specialist's side (facts P10-P12): each step goes through DisputeService, whose state
 * machine refuses a step the dispute's stage does not allow (409 with the reason). The user hears of
 * each change from the dispute notifier (DisputeService.onChange), not from here.
 */
export function registerMediatorRoutes(
  server: Server,
  deps: { auth: AgentAuthenticator; disputes: DisputeService; logger: Logger },
): void {
  const { disputes, logger } = deps;
  const step = (change: (id: string, actor: Actor, req: Request) => Promise<Dispute>) =>
    agentRoute(deps.auth, ['mediator'], logger, async (req, res, agent) => {
      const id = disputeIdOf(req);
      const dispute = await change(id, actorOf(agent), req);
      logger.info(
        { event: 'mediator_action', dispute: id, stage: dispute.stage, mediator: agent.id },
        'Mediator action',
      );
      res.send(200, { dispute: disputeView(dispute) });
    });

  server.get(
    DISPUTE,
    agentRoute(deps.auth, ['mediator', 'agent'], logger, async (req, res) => {
      const id = disputeIdOf(req);
      const dispute = await disputes.getById(id);
      if (!dispute) throw new DisputeNotFoundError(id);
      res.send(200, { dispute: disputeView(dispute) });
    }),
  );

  server.post(
    `${DISPUTE}/recommendation`,
    step((id, actor, req) =>
      disputes.issueRecommendation(id, parseRequest(recommendationBodySchema, req.body, 'body').text, actor),
    ),
  );

  server.post(
    `${DISPUTE}/recommendation/responses`,
    step((id, actor, req) => {
      const { party, answer } = parseRequest(recommendationResponseBodySchema, req.body, 'body');
      return disputes.recordRecommendationResponse(id, party, answer, actor);
    }),
  );

  server.post(
    `${DISPUTE}/arbitration`,
    step((id, actor, req) =>
      disputes.transition(id, 'arbitration', actor, parseRequest(noteBodySchema, req.body, 'body').note),
    ),
  );

  server.post(
    `${DISPUTE}/decision`,
    step((id, actor, req) =>
      disputes.recordDecision(id, parseRequest(decisionBodySchema, req.body, 'body').text, actor),
    ),
  );

  server.post(
    `${DISPUTE}/client-unresponsive`,
    step((id, actor, req) => {
      parseRequest(noteBodySchema, req.body, 'body');
      return disputes.recordClientUnresponsive(id, actor);
    }),
  );
}

function disputeIdOf(req: Request): string {
  return parseRequest(disputeParamsSchema, { id: pathParam(req, 'id') }, 'path').id;
}

function actorOf(agent: AgentIdentity): Actor {
  // The routes admit agents and mediators only; a supervisor reads figures and never moves a dispute.
  if (agent.role === 'supervisor')
    throw new AgentAuthError(403, 'forbidden', 'Supervisors cannot act on disputes');
  return { role: agent.role, id: agent.id };
}
