import { ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { CapacityMessage, CapacityRequest, CapacityResult } from './capacityProtocol';
import { BenchRedis } from './benchRedis';
import { CleanupStack } from './cleanupStack';
import { cpuLayout, CpuLayout, pinProcess } from './cpuPinning';
import { machineBusyMs, cpuMsOf, memoryOf, treeCpuMsOf } from './procStats';
import { productionNodeFlags } from './productionNodeFlags';
import { ServerProcess } from './serverProcess';

/**
 * The capacity benchmark: how many freelancers chatting at human pace (5–20 s between turns, the
 * bench's three scripts) one assistant process holds while p99 stays under 200 ms. Users are added
 * at a steady rate until a window's p99 crosses the line, all users are in, or time is up; the
 * figure is the most users a window held, every window before it under the line too. One bot
 * process, the load generator in its own process on its own core (with Redis beside it when
 * Redis-backed), loopback only. Part of `npm run bench` (`--capacity-ms=N` bounds each ramp,
 * `--no-capacity` skips it); alone: `node dist/bench/capacity.js [--capacity-ms=N]`.
 */
const BOT_ENTRY = path.resolve(__dirname, '../src/index.js');
const DRIVER_ENTRY = path.resolve(__dirname, 'capacityDriver.js');

export const CAPACITY_DEFAULTS = {
  /** Per backend: two ramps stay within about three minutes. */
  maxDurationMs: 85_000,
  usersPerSecond: 120,
  maxUsers: 12_000,
  windowMs: 5_000,
  p99LimitMs: 200,
  thinkMinMs: 5_000,
  thinkMaxMs: 20_000,
};

export interface CapacityMeasurement {
  backend: 'redis' | 'embedded';
  result: CapacityResult;
  serverCpuPercent: number;
  otherCpuPercent: number;
  rssAfterMb: number;
}

/** Ramps simulated users against a fresh assistant process on the given backend. */
export async function measureCapacity(options: {
  backend: 'redis' | 'embedded';
  redisUrl?: string;
  layout: CpuLayout;
  cleanup: CleanupStack;
  maxDurationMs?: number;
  timeZone: string;
}): Promise<CapacityMeasurement> {
  const { backend, layout, cleanup } = options;
  const name = `capacity-${backend}`;
  const env: Record<string, string> =
    backend === 'redis' && options.redisUrl
      ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: `capacity${Date.now().toString(36)}` }
      : {};
  const server = await ServerProcess.start(
    { name, entry: BOT_ENTRY, env, cores: layout.server, nodeArgs: productionNodeFlags() },
    (started) => cleanup.push(name, () => started.stop()),
  );
  const driver = fork(DRIVER_ENTRY, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  cleanup.push(`${name} driver`, () => stopChild(driver));
  if (driver.pid !== undefined) pinProcess(driver.pid, layout.driver);
  const before = { at: performance.now(), server: treeCpuMsOf(server.pid), machine: machineBusyMs() };
  const driverCpuBefore = cpuMsOf(driver.pid ?? -1);
  const result = await runRamp(driver, {
    ...CAPACITY_DEFAULTS,
    maxDurationMs: options.maxDurationMs ?? CAPACITY_DEFAULTS.maxDurationMs,
    baseUrl: server.baseUrl,
    runId: `${Date.now().toString(36)}-${backend}`,
    timeZone: options.timeZone,
  });
  const wallMs = performance.now() - before.at;
  const serverMs = treeCpuMsOf(server.pid) - before.server;
  const driverMs = cpuMsOf(driver.pid ?? -1) - driverCpuBefore;
  const rssAfterMb = memoryOf(server.pid).rssKb / 1024;
  await cleanup.release(`${name} driver`);
  await cleanup.release(name);
  return {
    backend,
    result,
    serverCpuPercent: (100 * serverMs) / wallMs,
    // Redis shares the driver's core; what neither the server nor the driver used is someone else's.
    otherCpuPercent: Math.max(0, (100 * (machineBusyMs() - before.machine - serverMs - driverMs)) / wallMs),
    rssAfterMb,
  };
}

function runRamp(driver: ChildProcess, request: CapacityRequest): Promise<CapacityResult> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: CapacityMessage) => {
      driver.off('exit', onExit);
      if (message.type === 'result') resolve(message.result);
      else reject(new Error(`capacity driver failed: ${message.message}`));
    };
    const onExit = (code: number | null) => reject(new Error(`capacity driver exited with ${code}`));
    driver.once('message', onMessage);
    driver.once('exit', onExit);
    driver.send(request);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.connected) child.disconnect();
  if (child.exitCode === null) child.kill('SIGTERM');
}

/** One line per window and the figure, as `npm run bench` prints them. */
export function describeCapacity(measurement: CapacityMeasurement): string[] {
  const { result } = measurement;
  const lines = result.windows.map(
    (window) =>
      `capacity_${measurement.backend}_window ${(window.endsAtMs / 1000).toFixed(0)} s: ${window.users} users held (${window.usersAtEnd} at the end), ${window.turnsPerSecond.toFixed(0)} turns/s, p50 ${window.p50Ms.toFixed(1)} ms, p99 ${window.p99Ms.toFixed(1)} ms`,
  );
  lines.push(
    `concurrent_users_p99_200ms_${measurement.backend} ${result.usersHeld} (stopped by ${result.stoppedBy}; server CPU ${measurement.serverCpuPercent.toFixed(0)} %, other processes ${measurement.otherCpuPercent.toFixed(0)} %, RSS after ${measurement.rssAfterMb.toFixed(0)} MB, failed or unexpected turns ${result.failures + result.unexpected}${result.firstProblem ? `: ${result.firstProblem}` : ''})`,
  );
  return lines;
}

async function main(): Promise<number> {
  const value = (flag: string) => process.argv.find((arg) => arg.startsWith(`--${flag}=`))?.split('=')[1];
  const maxDurationMs = Number(value('capacity-ms') ?? CAPACITY_DEFAULTS.maxDurationMs);
  const backends = (value('backends') ?? 'redis,embedded').split(',') as Array<'redis' | 'embedded'>;
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    const layout = cpuLayout(os.availableParallelism());
    const redis = await BenchRedis.start(layout.redis);
    cleanup.push('redis', () => redis.stop());
    let problems = 0;
    for (const backend of backends) {
      const measured = await measureCapacity({
        backend,
        redisUrl: redis.url,
        layout,
        cleanup,
        maxDurationMs,
        timeZone: 'America/New_York',
      });
      for (const line of describeCapacity(measured)) console.log(line);
      problems += measured.result.failures + measured.result.unexpected;
    }
    return problems === 0 ? 0 : 1;
  } finally {
    await cleanup.stopAll();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`capacity failed: ${error.stack ?? error.message}`);
      process.exit(1);
    },
  );
}
