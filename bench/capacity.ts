import { ChildProcess, fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { CapacityMessage, CapacityRequest, CapacityResult, CapacityWindow } from './capacityProtocol';
import { BenchRedis } from './benchRedis';
import { CleanupStack } from './cleanupStack';
import { cpuLayout, CpuLayout, pinProcess } from './cpuPinning';
import { machineBusyMs, cpuMsOf, memoryOf, treeCpuMsOf } from './procStats';
import { productionNodeFlags } from './productionNodeFlags';
import { niceOption, raiseSessionPriority } from './priority';
import { ServerProcess } from './serverProcess';
import type { WindowVitals } from './windowVitals';

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
const ECHO_ENTRY = path.resolve(__dirname, 'echoBot.js');
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

/**
 * The assistant on Redis (the figure), on the embedded store, and the bare echo bot on Redis: the
 * echo bot, same stack, same driver, same machine, shows what the machine and the driver hold.
 */
export type CapacityBackend = 'redis' | 'embedded' | 'echo';

export interface CapacityMeasurement {
  backend: CapacityBackend;
  result: CapacityResult;
  serverCpuPercent: number;
  otherCpuPercent: number;
  rssAfterMb: number;
}

/** Ramps simulated users against a fresh assistant process on the given backend. */
export async function measureCapacity(options: {
  backend: CapacityBackend;
  redisUrl?: string;
  /** Redis's process id, for its CPU per window. */
  redisPid?: number;
  layout: CpuLayout;
  cleanup: CleanupStack;
  maxDurationMs?: number;
  timeZone: string;
}): Promise<CapacityMeasurement> {
  const { backend, layout, cleanup } = options;
  const name = `capacity-${backend}`;
  const onRedis = backend !== 'embedded';
  const env: Record<string, string> =
    onRedis && options.redisUrl
      ? { REDIS_URL: options.redisUrl, REDIS_KEY_PREFIX: `capacity${Date.now().toString(36)}` }
      : {};
  const server = await ServerProcess.start(
    backend === 'echo'
      ? { name, entry: ECHO_ENTRY, env, cores: layout.server }
      : { name, entry: BOT_ENTRY, env, cores: layout.server, nodeArgs: productionNodeFlags() },
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
    expect: backend === 'echo' ? 'echo' : 'assistant',
    serverPid: server.pid,
    redisPid: onRedis ? options.redisPid : undefined,
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
      `capacity_${measurement.backend}_window ${(window.endsAtMs / 1000).toFixed(0)} s: ${window.users} users held (${window.usersAtEnd} at the end), ${window.turnsPerSecond.toFixed(0)} turns/s, p50 ${window.p50Ms.toFixed(1)} ms, p99 ${window.p99Ms.toFixed(1)} ms, in flight <= ${window.inFlightMax}${window.vitals ? `; ${describeVitals(window, window.vitals)}` : ''}`,
  );
  lines.push(
    `concurrent_users_p99_200ms_${measurement.backend} ${result.usersHeld} (stopped by ${result.stoppedBy}; server CPU ${measurement.serverCpuPercent.toFixed(0)} %, other processes ${measurement.otherCpuPercent.toFixed(0)} %, RSS after ${measurement.rssAfterMb.toFixed(0)} MB, failed or unexpected turns ${result.failures + result.unexpected}${result.firstProblem ? `: ${result.firstProblem}` : ''})`,
  );
  return lines;
}

/**
 * The window that ended the ramp (or the last one), in the JSON: whether the server was busy
 * (its CPU), starved (its event loop waiting for a core), pausing (event-loop lag, GC), or whether
 * the driver was the limit (its CPU and lag).
 */
export function stopWindowOf(measurement: CapacityMeasurement): Record<string, number> | null {
  const window = measurement.result.windows.at(-1);
  if (!window) return null;
  const vitals = window.vitals;
  const round = (value: number | null | undefined) =>
    value === null || value === undefined || !Number.isFinite(value) ? NaN : Math.round(value);
  return {
    users: window.users,
    users_at_end: window.usersAtEnd,
    turns_per_s: round(window.turnsPerSecond),
    p99_ms: round(window.p99Ms),
    server_cpu_percent: round(vitals?.serverCpuPercent),
    server_event_loop_waiting_for_core_percent: round(vitals?.serverRunQueuePercent),
    server_event_loop_lag_p99_ms: round(vitals?.serverLagP99Ms),
    server_gc_ms: round(vitals?.serverGcMs),
    driver_cpu_percent: round(vitals?.driverCpuPercent),
    driver_event_loop_lag_p99_ms: round(vitals?.driverLagP99Ms),
    other_cpu_percent: round(vitals?.otherCpuPercent),
  };
}

/** Why a window was slow: whose CPU, the server's event-loop lag and GC, its heap and timers, the driver's own lag. */
function describeVitals(window: CapacityWindow, vitals: WindowVitals): string {
  // What the server does not expose (the echo bot has no /metrics) arrives as null over IPC.
  const n = (value: number | null, digits = 0) =>
    value === null || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
  const seconds = window.turns / Math.max(window.turnsPerSecond, 1e-9);
  const cpuMsPerTurn = window.turns === 0 ? 0 : (vitals.serverCpuPercent * 10 * seconds) / window.turns;
  return [
    `server CPU per turn ${n(cpuMsPerTurn, 2)} ms`,
    `CPU server ${n(vitals.serverCpuPercent)} % redis ${n(vitals.redisCpuPercent)} % driver ${n(vitals.driverCpuPercent)} % other ${n(vitals.otherCpuPercent)} %`,
    `server event loop waiting for a core ${n(vitals.serverRunQueuePercent)} %`,
    `server event-loop lag p99 ${n(vitals.serverLagP99Ms)} ms max ${n(vitals.serverLagMaxMs)} ms, GC ${n(vitals.serverGcMs)} ms`,
    `heap ${n(vitals.serverHeapUsedMb)} MB RSS ${n(vitals.serverRssMb)} MB timers ${n(vitals.serverTimers)}`,
    `driver lag p99 ${n(vitals.driverLagP99Ms)} ms max ${n(vitals.driverLagMaxMs)} ms`,
  ].join('; ');
}

async function main(): Promise<number> {
  const value = (flag: string) => process.argv.find((arg) => arg.startsWith(`--${flag}=`))?.split('=')[1];
  const maxDurationMs = Number(value('capacity-ms') ?? CAPACITY_DEFAULTS.maxDurationMs);
  const backends = (value('backends') ?? 'redis,embedded,echo').split(',') as CapacityBackend[];
  const nice = niceOption(process.argv);
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    const layout = cpuLayout(os.availableParallelism());
    cleanup.push('priority', raiseSessionPriority(nice));
    const redis = await BenchRedis.start(layout.redis);
    cleanup.push('redis', () => redis.stop());
    let problems = 0;
    for (const backend of backends) {
      const measured = await measureCapacity({
        backend,
        redisUrl: redis.url,
        redisPid: redis.pid,
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
