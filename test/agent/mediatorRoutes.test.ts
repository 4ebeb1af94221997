import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi } from './support/agentApi';

type DisputeAnswer = {
  dispute: { id: string; stage: string; history: Array<{ actor: { role: string; id: string } }> };
};

describe('the mediator moves a dispute through the state machine over the agent API', () => {
  let running: RunningApp;
  let mediator: AgentApi;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    mediator = await AgentApi.as(running.baseUrl, 'mediator', 'maria');
  });
  afterAll(async () => {
    await running?.stop();
  });

  async function disputeInMediation(): Promise<string> {
    const { disputes } = running.app.services;
    const { dispute } = await disputes.fileDispute({
      ownerId: 'webchat:user-m',
      idempotencyKey: `mediator-test-${Math.random()}`,
      contractKind: 'active',
      claim: { statement: 'Milestone delivered, payment not released.' },
    });
    await disputes.transition(dispute.id, 'in_mediation', { role: 'agent', id: 'alice' });
    return dispute.id;
  }

  it('recommendation, a rejection, arbitration, decision; each step recorded with the mediator as actor', async () => {
    const id = await disputeInMediation();
    const path = (suffix: string) => `/api/agent/disputes/${id}${suffix}`;

    const early = await mediator.post(path('/decision'), { text: 'Freelancer is paid in full.' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ error: 'conflict', message: expect.stringMatching(/in_mediation/) });

    const issued = await mediator.post<DisputeAnswer>(path('/recommendation'), { text: 'Client pays 80%.' });
    expect(issued.status).toBe(200);
    expect(issued.body.dispute.stage).toBe('recommendation_issued');
    expect(issued.body.dispute.history.at(-1)?.actor).toEqual({ role: 'mediator', id: 'maria' });
    expect(issued.body.dispute).not.toHaveProperty('conversationReference');

    const clientAccepts = await mediator.post<DisputeAnswer>(path('/recommendation/responses'), {
      party: 'client',
      answer: 'accepted',
    });
    expect(clientAccepts.body.dispute.stage).toBe('recommendation_issued');
    const freelancerRejects = await mediator.post<DisputeAnswer>(path('/recommendation/responses'), {
      party: 'freelancer',
      answer: 'rejected',
    });
    expect(freelancerRejects.body.dispute.stage).toBe('recommendation_rejected');

    expect((await mediator.post<DisputeAnswer>(path('/arbitration'))).body.dispute.stage).toBe('arbitration');
    const decided = await mediator.post<DisputeAnswer>(path('/decision'), { text: 'Client pays 90%.' });
    expect(decided.body.dispute.stage).toBe('decided');

    const afterEnd = await mediator.post(path('/client-unresponsive'));
    expect(afterEnd.status).toBe(409);
    const shown = await mediator.get<DisputeAnswer>(path(''));
    expect(shown.body.dispute.stage).toBe('decided');
  });

  it('records an unresponsive client on an open dispute, and refuses a bad party', async () => {
    const id = await disputeInMediation();
    const recorded = await mediator.post<DisputeAnswer>(`/api/agent/disputes/${id}/client-unresponsive`);
    expect(recorded.status).toBe(200);
    const stored = await running.app.services.disputes.getById(id);
    expect(stored?.history.at(-1)).toMatchObject({
      event: 'client_unresponsive',
      actor: { role: 'mediator', id: 'maria' },
    });
    const badParty = await mediator.post(`/api/agent/disputes/${id}/recommendation/responses`, {
      party: 'mediator',
      answer: 'accepted',
    });
    expect(badParty.status).toBe(400);
    expect((await mediator.get('/api/agent/disputes/FPD-0000000000')).status).toBe(404);
  });
});
