import { execFileSync } from 'node:child_process';

/**
 * Which cores each process of the bench may run on. On a 2-core machine the server under test gets
 * core 0 to itself; the load driver and Redis share core 1, so the driver's CPU is not taken from the
 * server's budget. Without `taskset` (or with fewer than 2 cores) nothing is pinned and the
 * processes share the cores, which the report says.
 */
export interface CpuLayout {
  pinned: boolean;
  server: string | undefined;
  driver: string | undefined;
  redis: string | undefined;
}

export function cpuLayout(cores: number): CpuLayout {
  if (cores < 2 || !hasTaskset())
    return { pinned: false, server: undefined, driver: undefined, redis: undefined };
  const others = cores === 2 ? '1' : `1-${cores - 1}`;
  return { pinned: true, server: '0', driver: others, redis: others };
}

export const UNPINNED: CpuLayout = { pinned: false, server: undefined, driver: undefined, redis: undefined };

/** The command line that runs `command` on the given cores (unchanged when cores is undefined). */
export function onCores(cores: string | undefined, command: string, args: string[]): [string, string[]] {
  return cores === undefined ? [command, args] : ['taskset', ['-c', cores, command, ...args]];
}

/** Pins every thread of a running process (new threads inherit the main thread's mask). */
export function pinProcess(pid: number, cores: string | undefined): void {
  if (cores === undefined) return;
  execFileSync('taskset', ['-a', '-p', '-c', cores, String(pid)], { stdio: 'ignore' });
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
