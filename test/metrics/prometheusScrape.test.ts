import { BotConversation, textOf } from '../support/botConversation';
import { PrivatePrometheus } from '../support/privatePrometheus';
import { RunningApp, startTestApp } from '../support/testApp';

const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

describe('operations metrics scraped by a real Prometheus', () => {
  let bot: RunningApp;
  let prometheus: PrivatePrometheus | undefined;

  beforeAll(async () => {
    bot = await startTestApp({ METRICS_TOKEN });
  });

  afterAll(async () => {
    await prometheus?.destroy();
    await bot.stop();
  });

  it('serves a turn-latency series per channel that Prometheus scrapes with the bearer token', async () => {
    for (const channelId of ['emulator', 'webchat']) {
      const replies = await new BotConversation(bot.baseUrl, { channelId }).send('what is mediation');
      expect(textOf(replies)).toMatch(/mediation/i);
    }
    prometheus = await PrivatePrometheus.start({
      hostPort: bot.baseUrl.replace('http://', ''),
      bearerToken: METRICS_TOKEN,
    });
    const running = prometheus;
    await running.until(
      async () => (await running.query('bot_turn_duration_seconds_count')).length >= 2,
      30000,
    );

    const [target] = await running.targets();
    expect(target).toEqual(expect.objectContaining({ health: 'up', lastError: '' }));
    const series = await running.query('bot_turn_duration_seconds_count');
    const byChannel = Object.fromEntries(
      series.map((sample) => [sample.metric.channel, Number(sample.value[1])]),
    );
    expect(byChannel).toEqual({ emulator: 1, webchat: 1 });
    const buckets = await running.query('bot_turn_duration_seconds_bucket{channel="emulator",le="+Inf"}');
    expect(Number(buckets[0]?.value[1])).toBe(1);
    const intents = await running.query('bot_intents_total{intent="guide_mediation"}');
    expect(Number(intents[0]?.value[1])).toBe(2);
    const breaker = await running.query('bot_storage_circuit_open');
    expect(Number(breaker[0]?.value[1])).toBe(0);
    const processMetrics = await running.query('process_resident_memory_bytes');
    expect(Number(processMetrics[0]?.value[1])).toBeGreaterThan(0);
  });
});

describe('who may read /metrics', () => {
  it('with a token, refuses a request without it or with another one', async () => {
    const bot = await startTestApp({ METRICS_TOKEN });
    try {
      expect((await fetch(`${bot.baseUrl}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${bot.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${bot.baseUrl}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      expect(right.status).toBe(200);
      expect(right.headers.get('content-type')).toMatch(/^text\/plain/);
      const body = await right.text();
      for (const name of [
        'bot_turn_duration_seconds',
        'bot_turns_total',
        'bot_turn_errors_total',
        'bot_rate_limited_turns_total',
        'bot_intents_total',
        'bot_handoffs_total',
        'bot_handoff_queue_cases',
        'bot_storage_circuit_open',
        'bot_job_queue_pending',
        'bot_job_queue_failed',
        'process_cpu_seconds_total',
      ])
        expect(body).toContain(`# TYPE ${name} `);
    } finally {
      await bot.stop();
    }
  });

  it('without a token, serves loopback peers only by default, and nobody when set to "off"', async () => {
    const open = await startTestApp();
    const off = await startTestApp({ METRICS_WITHOUT_TOKEN: 'off' });
    try {
      expect((await fetch(`${open.baseUrl}/metrics`)).status).toBe(200);
      expect((await fetch(`${off.baseUrl}/metrics`)).status).toBe(403);
    } finally {
      await Promise.all([open.stop(), off.stop()]);
    }
  });

  it('counts a rate-limited message and a hand-off request', async () => {
    const bot = await startTestApp({ RATE_LIMIT_POINTS: '2' });
    try {
      const conversation = new BotConversation(bot.baseUrl);
      await conversation.send('talk to a person');
      await conversation.send('hello');
      await conversation.send('hello again');
      const body = await (await fetch(`${bot.baseUrl}/metrics`)).text();
      expect(body).toMatch(/^bot_rate_limited_turns_total\{channel="emulator"\} 1$/m);
      expect(body).toMatch(/^bot_handoffs_total\{reason="asked_for_person"\} 1$/m);
      expect(body).toMatch(/^bot_handoff_queue_cases\{status="waiting"\} 1$/m);
    } finally {
      await bot.stop();
    }
  });
});
