import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BotConversation } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

const HARNESS = path.join(__dirname, 'support', 'tracedBot.js');

interface TracedSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

/** Runs the built bot with the in-memory exporter (see tracedBot.js) and returns its spans. */
async function traceTurns(
  redisUrl: string,
  messages: string[],
): Promise<{ replies: string[]; spans: TracedSpan[] }> {
  const { stdout } = await promisify(execFile)(process.execPath, [HARNESS, redisUrl, ...messages], {
    timeout: 60_000,
  });
  return JSON.parse(stdout) as { replies: string[]; spans: TracedSpan[] };
}

describe('tracing a turn (OpenTelemetry, in-memory exporter)', () => {
  let redis: PrivateRedis;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });
  afterAll(async () => {
    await redis?.destroy();
  });

  it('makes one span per turn with a child span for each of its Redis calls', async () => {
    const { replies, spans } = await traceTurns(redis.url, ['what is mediation']);
    expect(replies.join('\n')).toMatch(/mediation/i);

    const turns = spans.filter((span) => span.name === 'bot.turn');
    expect(turns).toHaveLength(1);
    const [turn] = turns as [TracedSpan];
    expect(turn.parentSpanId).toBeUndefined();
    expect(turn.attributes).toEqual({ 'bot.channel': 'webchat', 'bot.activity_type': 'message' });

    const redisCalls = spans.filter((span) => span.attributes['db.system.name'] === 'redis');
    const commands = redisCalls.map((span) => span.name);
    // The dedupe mark, the hand-off status and the state read; then four scripts, each sent by its SHA
    // first: the rate limit, the state write, the transcript lines and the turn's outcome records.
    expect(commands).toEqual(expect.arrayContaining(['set', 'hgetall', 'mget']));
    expect(commands.filter((command) => command === 'evalsha')).toHaveLength(4);
    for (const call of redisCalls) {
      expect(call.traceId).toBe(turn.traceId);
      expect(call.parentSpanId).toBe(turn.spanId);
    }
    // What a Redis span says: the command, never keys (conversation ids) or values (what users wrote).
    expect(JSON.stringify(spans)).not.toMatch(/conv-|mediation|DialogState/);
  }, 90_000);
});

describe('tracing in the bot process', () => {
  it('exports the turn spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set (flushed at shutdown)', async () => {
    const received: Array<{ path: string; body: string }> = [];
    const collector = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.setHeader('content-type', 'application/json');
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const { port } = collector.address() as AddressInfo;
    try {
      const bot = await BotProcess.start({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}` });
      await new BotConversation(bot.baseUrl).send('what is mediation');
      expect(await bot.stop('SIGTERM')).toBe(0);
      expect(bot.output).toMatch(/"event":"tracing"/);
      const traces = received.filter((request) => request.path === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      expect(traces.map((request) => request.body).join('\n')).toContain('bot.turn');
    } finally {
      await new Promise<void>((resolve) => collector.close(() => resolve()));
    }
  }, 60_000);
});
