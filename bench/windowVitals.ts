import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuMsOf, machineBusyMs, runQueueWaitMsOf } from './procStats';

/**
 * What the server, Redis and the driver itself did during one capacity window, so a window over
 * the line says why: the server's event-loop lag (its own `perf_hooks.monitorEventLoopDelay`, read
 * through /metrics, where prom-client resets it on every read), its GC time, heap, RSS and live
 * timers, and the CPU each process used. The driver's own lag and CPU are there too: a driver that
 * cannot keep up delays the turns it times, and the figure would then be the driver's.
 */
export interface WindowVitals {
  serverCpuPercent: number;
  redisCpuPercent: number;
  driverCpuPercent: number;
  /** Machine busy time neither the server, Redis nor the driver used, in % of one core. */
  otherCpuPercent: number;
  /**
   * Time the server's main thread was ready to run but waited for a core, in % of the window. High
   * while its CPU is low: the server is starved by other processes, not busy.
   */
  serverRunQueuePercent: number;
  serverLagP99Ms: number;
  serverLagMaxMs: number;
  /** Garbage collection pauses in the window, summed, in ms (nodejs_gc_duration_seconds). */
  serverGcMs: number;
  serverHeapUsedMb: number;
  serverRssMb: number;
  /** Live timers in the server (process.getActiveResourcesInfo's `Timeout` entries). */
  serverTimers: number;
  driverLagP99Ms: number;
  driverLagMaxMs: number;
}

interface Sample {
  at: number;
  server: number;
  serverWaiting: number;
  redis: number;
  driver: number;
  machine: number;
  gcSeconds: number;
}

/** Samples once per window; `next()` returns the vitals since the previous call (NaN: not exposed). */
export class VitalsSampler {
  private readonly driverLag = monitorEventLoopDelay({ resolution: 10 });
  private previous: Sample | undefined;

  constructor(
    private readonly metricsUrl: string,
    private readonly serverPid: number | undefined,
    private readonly redisPid: number | undefined,
  ) {
    this.driverLag.enable();
  }

  async start(): Promise<void> {
    this.previous = this.sample((await this.scrape()) ?? '');
    this.driverLag.reset();
  }

  async next(): Promise<WindowVitals | undefined> {
    const metrics = await this.scrape();
    const now = this.sample(metrics ?? '');
    const before = this.previous;
    this.previous = now;
    const driverLagP99Ms = this.driverLag.percentile(99) / 1e6;
    const driverLagMaxMs = this.driverLag.max / 1e6;
    this.driverLag.reset();
    if (!before) return undefined;
    // Without /metrics (the echo bot has none), only the CPU figures are known.
    const metric = (name: string, label?: string) =>
      metrics === undefined ? NaN : metricValue(metrics, name, label);
    const percentOf = (ms: number) => (100 * ms) / (now.at - before.at);
    const server = now.server - before.server;
    const redis = now.redis - before.redis;
    const driver = now.driver - before.driver;
    return {
      serverCpuPercent: percentOf(server),
      redisCpuPercent: percentOf(redis),
      driverCpuPercent: percentOf(driver),
      otherCpuPercent: Math.max(0, percentOf(now.machine - before.machine - server - redis - driver)),
      serverRunQueuePercent: percentOf(now.serverWaiting - before.serverWaiting),
      serverLagP99Ms: 1000 * metric('nodejs_eventloop_lag_p99_seconds'),
      serverLagMaxMs: 1000 * metric('nodejs_eventloop_lag_max_seconds'),
      serverGcMs: metrics === undefined ? NaN : 1000 * (now.gcSeconds - before.gcSeconds),
      serverHeapUsedMb: metric('nodejs_heap_size_used_bytes') / 2 ** 20,
      serverRssMb: metric('process_resident_memory_bytes') / 2 ** 20,
      serverTimers: metric('nodejs_active_resources', 'type="Timeout"'),
      driverLagP99Ms,
      driverLagMaxMs,
    };
  }

  stop(): void {
    this.driverLag.disable();
  }

  private sample(metrics: string): Sample {
    const usage = process.cpuUsage();
    return {
      at: performance.now(),
      server: cpuOrZero(this.serverPid),
      serverWaiting: orZero(this.serverPid, runQueueWaitMsOf),
      redis: cpuOrZero(this.redisPid),
      driver: (usage.user + usage.system) / 1000,
      machine: machineBusyMs(),
      gcSeconds: metricValue(metrics, 'nodejs_gc_duration_seconds_sum'),
    };
  }

  /** GET /metrics outside the users' connection pool, so it never waits behind their turns. */
  private async scrape(): Promise<string | undefined> {
    try {
      const response = await fetch(this.metricsUrl, { signal: AbortSignal.timeout(5000) });
      return response.ok ? await response.text() : undefined;
    } catch {
      return undefined;
    }
  }
}

function cpuOrZero(pid: number | undefined): number {
  return orZero(pid, cpuMsOf);
}

function orZero(pid: number | undefined, read: (pid: number) => number): number {
  if (pid === undefined) return 0;
  try {
    return read(pid);
  } catch {
    return 0;
  }
}

/** The sum of a metric's samples in Prometheus's text format (those whose labels hold `label`, if given). */
export function metricValue(text: string, name: string, label?: string): number {
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (label !== undefined && !rest.includes(label)) continue;
    total += Number(rest.slice(rest.lastIndexOf(' ') + 1));
  }
  return total;
}
