import type { Redis } from 'ioredis';
import type { LoadRequest, LoadResult } from './driverProtocol';
import type { LoadDriverClient } from './loadDriverClient';
import { cpuMsOf, machineBusyMs, treeCpuMsOf } from './procStats';
import { readRedisCounters, RedisUsage, redisUsageBetween } from './redisCounters';
import type { ServerProcess } from './serverProcess';

export interface LevelMeasurement {
  load: LoadResult;
  /** CPU used while the load ran, as a percentage of one core. */
  serverCpuPercent: number;
  driverCpuPercent: number;
  redisCpuPercent: number;
  /** CPU that processes outside the bench used meanwhile (other work on the machine skews every figure). */
  otherCpuPercent: number;
  /** The server's CPU time per answered turn: the cost of a turn independent of how busy the machine was. */
  serverCpuMsPerTurn: number;
  redis: RedisUsage;
}

export interface MeasureContext {
  driver: LoadDriverClient;
  redisPid: number;
  counters: Redis;
  timeZone: string;
}

/** One load run against a server, with the CPU of every process and Redis's counters around it. */
export async function measureLevel(
  context: MeasureContext,
  server: ServerProcess,
  request: Omit<LoadRequest, 'baseUrl' | 'timeZone'>,
): Promise<LevelMeasurement> {
  const before = {
    at: performance.now(),
    server: treeCpuMsOf(server.pid),
    driver: context.driver.cpuMs(),
    redis: cpuMsOf(context.redisPid),
    machine: machineBusyMs(),
    counters: await readRedisCounters(context.counters),
  };
  const load = await context.driver.run({ ...request, baseUrl: server.baseUrl, timeZone: context.timeZone });
  const after = {
    at: performance.now(),
    server: treeCpuMsOf(server.pid),
    driver: context.driver.cpuMs(),
    redis: cpuMsOf(context.redisPid),
    machine: machineBusyMs(),
    counters: await readRedisCounters(context.counters),
  };
  const wallMs = after.at - before.at;
  const percent = (used: number) => (100 * used) / wallMs;
  return {
    load,
    serverCpuPercent: percent(after.server - before.server),
    driverCpuPercent: percent(after.driver - before.driver),
    redisCpuPercent: percent(after.redis - before.redis),
    otherCpuPercent: Math.max(
      0,
      percent(
        after.machine -
          before.machine -
          (after.server - before.server) -
          (after.driver - before.driver) -
          (after.redis - before.redis),
      ),
    ),
    serverCpuMsPerTurn: (after.server - before.server) / Math.max(1, load.turns),
    redis: redisUsageBetween(before.counters, after.counters, Math.max(1, load.turns)),
  };
}
