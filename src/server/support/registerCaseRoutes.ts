import type { Server } from 'restify';
import type { HandoffService } from '../../services/handoff/HandoffService';
import { HandoffCaseNotFoundError } from '../../services/handoff/errors';
import type { Logger } from '../../services/logging/logger';
import { pseudonym } from '../../services/logging/pseudonym';
import type { AgentAuthenticator } from './agentAuth';
import { agentRoute, parseRequest, pathParam, queryOf } from './agentHttp';
import {
  agentMessageBodySchema,
  caseIdSchema,
  mediationBodySchema,
  messagesQuerySchema,
} from './agentSchemas';
import { caseView } from './agentViews';

const CASE = '/api/agent/cases/:conversationId';
const AGENTS = ['agent'] as const;

/** The support agent's side of a hand-off: the queue, a case with its transcript, and every step on it. */
export function registerCaseRoutes(
  server: Server,
  deps: { auth: AgentAuthenticator; handoff: HandoffService; logger: Logger; clock?: () => Date },
): void {
  const { handoff, logger } = deps;
  const now = deps.clock ?? (() => new Date());
  const route = (handler: Parameters<typeof agentRoute>[3]) => agentRoute(deps.auth, AGENTS, logger, handler);
  const caseIdOf = (req: Parameters<Parameters<typeof agentRoute>[3]>[0]) =>
    parseRequest(caseIdSchema, pathParam(req, 'conversationId'), 'conversationId');
  const audit = (event: string, caseId: string, agentId: string) =>
    logger.info({ event, conversation: pseudonym(caseId), agent: agentId }, 'Agent action');

  server.get(
    '/api/agent/queue',
    route(async (_req, res) => {
      const cases = await handoff.openCases();
      res.send(200, { cases: cases.map((item) => caseView(item, now(), handoff.wording)) });
    }),
  );

  server.get(
    CASE,
    route(async (req, res) => {
      const id = caseIdOf(req);
      const found = await handoff.caseOf(id);
      if (!found) throw new HandoffCaseNotFoundError(id);
      const [transcript, messages] = await Promise.all([handoff.transcriptOf(id), handoff.messagesOf(id, 0)]);
      res.send(200, { case: caseView(found, now(), handoff.wording), transcript, messages });
    }),
  );

  server.post(
    `${CASE}/accept`,
    route(async (req, res, agent) => {
      const id = caseIdOf(req);
      const accepted = await handoff.accept(id, agent.id);
      audit('handoff_accepted', id, agent.id);
      res.send(200, { case: caseView(accepted, now(), handoff.wording) });
    }),
  );

  server.post(
    `${CASE}/messages`,
    route(async (req, res, agent) => {
      const id = caseIdOf(req);
      const { text } = parseRequest(agentMessageBodySchema, req.body, 'body');
      const message = await handoff.sendAgentMessage(id, agent.id, text);
      res.send(201, { message });
    }),
  );

  server.get(
    `${CASE}/messages`,
    route(async (req, res) => {
      const id = caseIdOf(req);
      const { after } = parseRequest(messagesQuerySchema, queryOf(req), 'query');
      if (!(await handoff.caseOf(id))) throw new HandoffCaseNotFoundError(id);
      const messages = await handoff.messagesOf(id, after);
      res.send(200, { messages, last: messages.at(-1)?.seq ?? after });
    }),
  );

  server.post(
    `${CASE}/mediation`,
    route(async (req, res, agent) => {
      const id = caseIdOf(req);
      const { note } = parseRequest(mediationBodySchema, req.body, 'body');
      const dispute = await handoff.openMediation(id, agent.id, note);
      audit('handoff_mediation_opened', id, agent.id);
      res.send(200, {
        dispute: { id: dispute.id, stage: dispute.stage, contractKind: dispute.contractKind },
      });
    }),
  );

  server.post(
    `${CASE}/handback`,
    route(async (req, res, agent) => {
      const id = caseIdOf(req);
      const ended = await handoff.handBack(id, agent.id);
      audit('handoff_handed_back', id, agent.id);
      res.send(200, { case: caseView(ended, now(), handoff.wording) });
    }),
  );

  server.post(
    `${CASE}/close`,
    route(async (req, res, agent) => {
      const id = caseIdOf(req);
      const ended = await handoff.close(id, agent.id);
      audit('handoff_closed', id, agent.id);
      res.send(200, { case: caseView(ended, now(), handoff.wording) });
    }),
  );
}
