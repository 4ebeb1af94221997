import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import type { DashboardReport } from '../../src/services/analytics/dashboardFigures';
import { seedConversations, SeededFigures } from './support/seedConversations';

describe.each(['embedded', 'redis'] as const)('the supervisor dashboard API (%s)', (mode) => {
  let redis: PrivateRedis | undefined;
  let channel: ChannelEndpoint;
  let running: RunningApp;
  let seeded: SeededFigures;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    redis = mode === 'redis' ? await PrivateRedis.start() : undefined;
    channel = await ChannelEndpoint.start();
    running = await startTestApp({
      AGENT_JWT_SECRET: AGENT_SECRET,
      ...(redis ? { REDIS_URL: redis.url } : {}),
    });
    seeded = await seedConversations(running.baseUrl, channel);
  });

  afterAll(async () => {
    await running?.stop();
    await channel?.stop();
    await redis?.destroy();
  });

  it('returns the exact figures of the seeded conversations', async () => {
    const supervisor = await AgentApi.as(running.baseUrl, 'supervisor');
    const { status, body } = await supervisor.get<DashboardReport>(
      `/api/agent/analytics?from=${today}&to=${today}`,
    );
    expect(status).toBe(200);
    const expected = {
      sessions: 6,
      engaged: 4,
      resolved: 2,
      escalated: 1,
      abandoned: 1,
      active: 0,
      containmentRate: 0.5,
      escalationRate: 0.25,
      abandonRate: 0.25,
      topics: { guide_mediation: 1, file_ended: 2 },
      funnel: { started: 2, deadline_given: 1, claim_written: 1, recorded: 1 },
      handoffReasons: { asked_for_person: 1 },
      handoffWaitSeconds: {
        accepted: 1,
        p50: seeded.handoffWaitSeconds,
        p90: seeded.handoffWaitSeconds,
        max: seeded.handoffWaitSeconds,
      },
      csat: { responses: 3, average: 3.67, distribution: { '1': 0, '2': 1, '3': 0, '4': 1, '5': 1 } },
      deadlinePassed: 0,
      notUnderstood: 2,
    };
    expect(body.totals).toEqual(expect.objectContaining(expected));
    expect(body.days).toEqual([expect.objectContaining({ date: today, ...expected })]);
    // The filing was left at its first step, asked when the refund request arrived.
    expect(body.totals.abandonedAt).toEqual({ 'endedContractDialog/endedContractWaterfall#0': 1 });
  });

  it('lists the days of a range, empty ones too, and exports the same figures as CSV', async () => {
    const supervisor = await AgentApi.as(running.baseUrl, 'supervisor');
    const yesterday = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const { body } = await supervisor.get<DashboardReport>(
      `/api/agent/analytics?from=${yesterday}&to=${today}`,
    );
    expect(body.days.map((day) => [day.date, day.sessions])).toEqual([
      [yesterday, 0],
      [today, 6],
    ]);
    expect(body.days[0]?.containmentRate).toBeNull();

    const response = await fetch(`${running.baseUrl}/api/agent/analytics.csv?from=${yesterday}&to=${today}`, {
      headers: { authorization: `Bearer ${await tokenOf('supervisor')}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const [header, ...rows] = (await response.text()).trim().split('\r\n');
    const columns = (header ?? '').split(',');
    const row = (date: string) => {
      const cells = (rows.find((line) => line.startsWith(`${date},`)) ?? '').split(',');
      return Object.fromEntries(columns.map((name, index) => [name, cells[index]]));
    };
    expect(row(today)).toEqual(
      expect.objectContaining({
        sessions: '6',
        resolved: '2',
        containment_rate: '0.5',
        escalation_rate: '0.25',
        abandon_rate: '0.25',
        funnel_recorded: '1',
        topic_file_ended: '2',
        csat_average: '3.67',
        csat_2: '1',
      }),
    );
    expect(row('total')).toEqual(expect.objectContaining({ sessions: '6', engaged: '4' }));
    expect(row(yesterday)).toEqual(expect.objectContaining({ sessions: '0', containment_rate: '' }));
  });

  it('answers 403 to agents and mediators, 401 without a token, 400 for a bad range', async () => {
    for (const role of ['agent', 'mediator'] as const) {
      const caller = await AgentApi.as(running.baseUrl, role);
      expect((await caller.get('/api/agent/analytics')).status).toBe(403);
      expect((await caller.get('/api/agent/not-understood')).status).toBe(403);
    }
    expect((await new AgentApi(running.baseUrl, undefined).get('/api/agent/analytics')).status).toBe(401);
    const supervisor = await AgentApi.as(running.baseUrl, 'supervisor');
    for (const query of [
      'from=yesterday',
      'from=2026-02-30',
      `from=${today}&to=2020-01-01`,
      'from=2020-01-01&to=2026-01-01',
      'x=1',
    ])
      expect((await supervisor.get(`/api/agent/analytics?${query}`)).status).toBe(400);
  });
});

async function tokenOf(role: 'supervisor'): Promise<string> {
  const { tokenFor } = await import('../agent/support/agentApi');
  return tokenFor(role);
}
