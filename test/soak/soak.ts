/**
 * Soak: the built bot as its own process on a private Redis (appendonly), under mixed traffic for
 * SOAK_SECONDS (default 600), with its resident memory (RSS) sampled every SAMPLE_SECONDS. Not part
 * of `npm test`: run it with `npm run soak`. It prints one JSON report (and writes it to SOAK_REPORT
 * when set): requests, failures, latency, and whether RSS stayed flat.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { BotConversation, textOf } from '../support/botConversation';
import { freePort, PrivateRedis } from '../support/privateRedis';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const SAMPLE_SECONDS = Number(process.env.SAMPLE_SECONDS ?? 10);
const VIRTUAL_USERS = Number(process.env.SOAK_USERS ?? 8);
// RSS "flat": the second half of the run grows by less than this per minute.
const FLAT_MB_PER_MINUTE = 1;

interface Counters {
  requests: number;
  failures: number;
  apologies: number;
  conversations: number;
  filed: number;
  latenciesMs: number[];
}

const counters: Counters = {
  requests: 0,
  failures: 0,
  apologies: 0,
  conversations: 0,
  filed: 0,
  latenciesMs: [],
};

async function turn(conversation: BotConversation, text: string, extra: Record<string, unknown> = {}) {
  const started = performance.now();
  counters.requests += 1;
  try {
    const replies = await conversation.send(text, extra);
    const said = textOf(replies);
    if (/can't reach my records|went wrong on my side/.test(said)) counters.apologies += 1;
    return said;
  } catch {
    counters.failures += 1;
    return '';
  } finally {
    counters.latenciesMs.push(performance.now() - started);
  }
}

/** One visitor's session, picked at random: the mix a support widget sees. */
async function session(baseUrl: string): Promise<void> {
  const conversation = new BotConversation(baseUrl, { channelId: Math.random() < 0.8 ? 'webchat' : 'slack' });
  counters.conversations += 1;
  const pick = Math.random();
  if (pick < 0.3) {
    await turn(conversation, 'am I covered?');
    await turn(conversation, 'fixed price');
    await turn(conversation, 'it ended');
  } else if (pick < 0.55) {
    await turn(conversation, 'what is mediation?');
    await turn(conversation, 'who pays for arbitration?');
    await turn(conversation, 'thanks');
  } else if (pick < 0.8) {
    await turn(conversation, 'my client ended the job and requested the escrow back');
    await turn(conversation, '3 days ago');
    // A retried delivery of the same activity and a double send: both must stay harmless.
    const id = randomUUID();
    await Promise.all([turn(conversation, 'next', { id }), turn(conversation, 'next', { id })]);
    await Promise.all([turn(conversation, 'next'), turn(conversation, 'back')]);
    await turn(conversation, 'show all');
  } else {
    await turn(conversation, 'my client ended the job and requested the escrow back');
    await turn(conversation, 'yesterday');
    await turn(conversation, 'write my claim');
    await turn(conversation, 'A logo and brand guide, milestone 2');
    await turn(conversation, 'Final files on 12 November via the messages');
    await turn(conversation, '$500');
    await turn(conversation, 'none');
    await turn(conversation, 'She asked for a refund');
    if (/reference is FPD-/.test(await turn(conversation, 'Looks good, record it'))) counters.filed += 1;
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/** Least-squares slope of RSS over time, in MB per minute. */
function slopeMbPerMinute(samples: Array<{ atSeconds: number; rssMb: number }>): number {
  const n = samples.length;
  if (n < 2) return 0;
  const meanX = samples.reduce((sum, s) => sum + s.atSeconds, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.rssMb, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const s of samples) {
    numerator += (s.atSeconds - meanX) * (s.rssMb - meanY);
    denominator += (s.atSeconds - meanX) ** 2;
  }
  return denominator === 0 ? 0 : (numerator / denominator) * 60;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0);
}

async function waitHealthy(baseUrl: string, bot: ChildProcess): Promise<void> {
  for (let tries = 0; tries < 300; tries += 1) {
    if (bot.exitCode !== null) throw new Error(`bot exited with ${bot.exitCode}`);
    if (
      await fetch(`${baseUrl}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('bot did not become healthy');
}

async function main(): Promise<void> {
  const redisServer = await PrivateRedis.start({ appendOnly: true });
  const port = await freePort();
  const bot = spawn(process.execPath, [path.resolve(process.cwd(), 'dist/src/index.js')], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      REDIS_URL: redisServer.url,
      // Load from one machine: the per-user limit would refuse nothing here anyway (fresh users).
      RATE_LIMIT_POINTS: '1000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  bot.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitHealthy(baseUrl, bot);

  const startedAt = Date.now();
  const samples: Array<{ atSeconds: number; rssMb: number }> = [];
  const sample = () =>
    samples.push({ atSeconds: (Date.now() - startedAt) / 1000, rssMb: rssMb(bot.pid ?? 0) });
  sample();
  const sampler = setInterval(sample, SAMPLE_SECONDS * 1000);
  const deadline = startedAt + SOAK_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: VIRTUAL_USERS }, async () => {
      while (Date.now() < deadline) await session(baseUrl);
    }),
  );
  clearInterval(sampler);
  sample();

  const redis = new Redis(redisServer.url);
  const disputeKeys = (await redis.keys('fpp:dispute:*')).length;
  redis.disconnect();
  const alive =
    bot.exitCode === null &&
    (await fetch(`${baseUrl}/healthz`).then(
      (r) => r.ok,
      () => false,
    ));
  bot.kill('SIGTERM');
  await redisServer.destroy();

  const secondHalf = samples.filter((s) => s.atSeconds >= SOAK_SECONDS / 2);
  const slope = slopeMbPerMinute(secondHalf);
  const report = {
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    virtualUsers: VIRTUAL_USERS,
    conversations: counters.conversations,
    requests: counters.requests,
    requestsPerSecond: Math.round(counters.requests / SOAK_SECONDS),
    failedRequests: counters.failures,
    apologies: counters.apologies,
    disputesFiled: counters.filed,
    disputesInRedis: disputeKeys,
    latencyMs: {
      p50: percentile(counters.latenciesMs, 50),
      p95: percentile(counters.latenciesMs, 95),
      p99: percentile(counters.latenciesMs, 99),
    },
    rssMb: {
      first: samples[0]?.rssMb,
      min: Math.min(...samples.map((s) => s.rssMb)),
      max: Math.max(...samples.map((s) => s.rssMb)),
      last: samples[samples.length - 1]?.rssMb,
      secondHalfSlopeMbPerMinute: Math.round(slope * 100) / 100,
      flat: slope < FLAT_MB_PER_MINUTE,
    },
    samples,
    botAliveAtEnd: alive,
    escapedErrors: /unhandledRejection|UnhandledPromiseRejection|uncaught/i.test(stderr),
  };
  const json = JSON.stringify(report, null, 2);
  if (process.env.SOAK_REPORT) writeFileSync(process.env.SOAK_REPORT, json);
  process.stdout.write(`${json}\n`);
  process.exit(report.failedRequests === 0 && alive && report.rssMb.flat ? 0 : 1);
}

main().catch((error: Error) => {
  process.stderr.write(`soak failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
