import { SignJWT, UnsecuredJWT } from 'jose';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi, casePath, tokenFor } from './support/agentApi';
import { signAgentToken } from '../../src/server/support/agentToken';

describe('the agent API lets in only signed, unexpired tokens with the right role', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
  });
  afterAll(async () => {
    await running?.stop();
  });

  const withToken = (token: string | undefined) => new AgentApi(running.baseUrl, token);

  it('answers 401 without a token', async () => {
    const answer = await withToken(undefined).get('/api/agent/queue');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 200 to an agent token on the queue', async () => {
    expect((await withToken(await tokenFor('agent')).get('/api/agent/queue')).status).toBe(200);
  });

  it.each([
    [
      'signed with another secret (forged)',
      () => tokenFor('agent', 'mallory', 'another-secret-0123456789-abcdefghijkl'),
    ],
    ['expired', () => signAgentToken(AGENT_SECRET, { sub: 'alice', role: 'agent', ttlSeconds: -60 })],
    [
      'unsigned (alg none)',
      async () => new UnsecuredJWT({ role: 'agent' }).setSubject('eve').setExpirationTime('1h').encode(),
    ],
    [
      'without an expiry',
      () =>
        new SignJWT({ role: 'agent' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('alice')
          .sign(new TextEncoder().encode(AGENT_SECRET)),
    ],
    [
      'with an unknown role',
      () =>
        new SignJWT({ role: 'admin' })
          .setProtectedHeader({ alg: 'HS256' })
          .setSubject('alice')
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(AGENT_SECRET)),
    ],
    ['that is not a JWT', async () => 'not-a-token'],
  ])('answers 401 to a token %s', async (_name, makeToken) => {
    const answer = await withToken(await makeToken()).get('/api/agent/queue');
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ error: 'unauthorized' });
  });

  it('answers 403 to a mediator on the support queue and to an agent on a mediator step', async () => {
    const mediator = await AgentApi.as(running.baseUrl, 'mediator');
    expect((await mediator.get('/api/agent/queue')).status).toBe(403);
    expect((await mediator.post(casePath('any-conversation', '/accept'))).status).toBe(403);
    const agent = await AgentApi.as(running.baseUrl, 'agent');
    const recommendation = await agent.post('/api/agent/disputes/FPD-0000000000/recommendation', {
      text: 'Split it',
    });
    expect(recommendation.status).toBe(403);
    expect(recommendation.body).toMatchObject({ error: 'forbidden' });
  });

  it('answers 400 with the reason for input that breaks its schema, 404 for an unknown case', async () => {
    const agent = await AgentApi.as(running.baseUrl, 'agent');
    const empty = await agent.post(casePath('conv-x', '/messages'), { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/text/) });
    const extra = await agent.post(casePath('conv-x', '/messages'), { text: 'hi', admin: true });
    expect(extra.status).toBe(400);
    const after = await agent.get(casePath('conv-x', '/messages?after=-3'));
    expect(after.status).toBe(400);
    expect((await agent.get(casePath('conv-unknown'))).status).toBe(404);
    expect((await agent.post(casePath('conv-unknown', '/accept'))).status).toBe(404);
    const mediator = await AgentApi.as(running.baseUrl, 'mediator');
    const badId = await mediator.post('/api/agent/disputes/not-an-id/arbitration');
    expect(badId.status).toBe(400);
  });
});

describe('without AGENT_JWT_SECRET', () => {
  it('the agent API answers 503 "not configured" and the console page still loads', async () => {
    const running = await startTestApp({});
    try {
      const answer = await (await AgentApi.as(running.baseUrl, 'agent')).get('/api/agent/queue');
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ error: 'not_configured' });
      const page = await fetch(`${running.baseUrl}/agent`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/Support console/);
    } finally {
      await running.stop();
    }
  });
});
