import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi } from './support/agentApi';

/**
 * Issue 6's acceptance: a mediator's action through the agent API reaches the user's conversation
 * (the one the dispute was filed in) as a message, through the real notifier queue on Redis.
 */
describe("a mediator's action reaches the user's conversation", () => {
  let redis: PrivateRedis;
  let running: RunningApp;
  let channel: ChannelEndpoint;
  let mediator: AgentApi;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ REDIS_URL: redis.url, AGENT_JWT_SECRET: AGENT_SECRET });
    mediator = await AgentApi.as(running.baseUrl, 'mediator', 'maria');
  });

  afterAll(async () => {
    await running?.stop();
    await channel?.stop();
    await redis?.destroy();
  });

  it('recommendation, rejection and arbitration each arrive with what to do next', async () => {
    const conversationId = 'conv-mediator-e2e';
    const { disputes } = running.app.services;
    const { dispute } = await disputes.fileDispute({
      ownerId: 'webchat:freelancer-1',
      idempotencyKey: 'mediator-e2e',
      contractKind: 'ended',
      claim: { statement: 'The work is complete and the payment is due.' },
      conversationReference: {
        channelId: 'webchat',
        serviceUrl: channel.serviceUrl,
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: 'freelancer-1', name: 'Freelancer' },
        bot: { id: 'bot', name: 'Dispute Assistant' },
      },
    });
    await disputes.transition(dispute.id, 'in_mediation', { role: 'agent', id: 'alice' });
    await channel.waitForText(conversationId, new RegExp(`${dispute.id}`));

    const path = (suffix: string) => `/api/agent/disputes/${dispute.id}${suffix}`;
    expect((await mediator.post(path('/recommendation'), { text: 'Client pays 80%.' })).status).toBe(200);
    await channel.waitForText(conversationId, /not binding/);

    const rejected = await mediator.post(path('/recommendation/responses'), {
      party: 'client',
      answer: 'rejected',
    });
    expect(rejected.status).toBe(200);
    await channel.waitForText(conversationId, /American Arbitration Association/);

    expect((await mediator.post(path('/arbitration'))).status).toBe(200);
    await channel.waitForText(conversationId, /moved to arbitration[\s\S]*split between you, the client/);
  });
});
