import type { Server } from 'restify';
import type { HandoffService } from '../../services/handoff/HandoffService';
import type { DisputeService } from '../../services/disputes/DisputeService';
import type { Logger } from '../../services/logging/logger';
import { AgentAuthenticator } from './agentAuth';
import { registerAgentConsole } from './registerAgentConsole';
import { registerCaseRoutes } from './registerCaseRoutes';
import { registerMediatorRoutes } from './registerMediatorRoutes';
import { registerSupervisorRoutes } from './registerSupervisorRoutes';
import type { OutcomeStore } from '../../services/analytics/OutcomeStore';

export interface AgentApiDependencies {
  /** AGENT_JWT_SECRET; without it every /api/agent route answers 503 "not configured". */
  secret: string | undefined;
  handoff: HandoffService;
  disputes: DisputeService;
  logger: Logger;
  /** Conversation outcomes, for the supervisors' dashboard, and how long they are kept. */
  outcomes: OutcomeStore;
  outcomeRetentionDays: number;
}

/** Everything under /api/agent (support agents and mediators) and the console page at /agent. */
export function registerAgentApi(server: Server, deps: AgentApiDependencies): void {
  const auth = new AgentAuthenticator(deps.secret);
  registerCaseRoutes(server, { auth, handoff: deps.handoff, logger: deps.logger });
  registerMediatorRoutes(server, { auth, disputes: deps.disputes, logger: deps.logger });
  registerSupervisorRoutes(server, {
    auth,
    outcomes: deps.outcomes,
    retentionDays: deps.outcomeRetentionDays,
    logger: deps.logger,
  });
  registerAgentConsole(server);
}
