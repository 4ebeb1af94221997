import os from 'node:os';
import Redis from 'ioredis';
import { BenchRedis } from './benchRedis';
import type { CleanupStack } from './cleanupStack';
import { cpuLayout, type CpuLayout } from './cpuPinning';
import { LoadDriverClient } from './loadDriverClient';
import type { MeasureContext } from './measureLevel';

/** The users' zone every bench tool speaks in, so relative dates resolve alike. */
export const BENCH_TIME_ZONE = 'America/New_York';

/** What every bench tool measures with: its own redis-server, a client reading its counters, the load driver. */
export interface LoadRig {
  layout: CpuLayout;
  redisServer: BenchRedis;
  context: MeasureContext;
}

/** Starts the rig on the cores `cpuLayout` gives each part; the cleanup stack stops it. */
export async function startLoadRig(
  cleanup: CleanupStack,
  cores = os.availableParallelism(),
): Promise<LoadRig> {
  const layout = cpuLayout(cores);
  const redisServer = await BenchRedis.start(layout.redis);
  cleanup.push('redis', () => redisServer.stop());
  const counters = new Redis(redisServer.url, { enableAutoPipelining: false });
  cleanup.push('redis client', () => counters.disconnect());
  const driver = LoadDriverClient.start(layout.driver);
  cleanup.push('load driver', () => driver.stop());
  return {
    layout,
    redisServer,
    context: { driver, redisPid: redisServer.pid, counters, timeZone: BENCH_TIME_ZONE },
  };
}
