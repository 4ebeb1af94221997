import { readFileSync } from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks (100 on every common kernel). */
const TICKS_PER_SECOND = 100;

/** Resident memory of a process now and at its peak, in kB, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rssKb: number; peakRssKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), peakRssKb: field('VmHWM') };
}

/** User + system CPU time a process has used so far, in milliseconds. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name may hold spaces; the fields after it are space separated (utime is 14th, stime 15th).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** Direct children of a process (the cluster's workers), from /proc/<pid>/task/<pid>/children. */
export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** CPU time of a process and all its descendants, in milliseconds. */
export function treeCpuMsOf(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() as number;
    try {
      total += cpuMsOf(next);
    } catch {
      continue; // it ended between the listing and the read
    }
    pending.push(...childrenOf(next));
  }
  return total;
}

/** Resident memory summed over a process and its descendants, in kB. */
export function treeRssKbOf(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop() as number;
    try {
      total += memoryOf(next).rssKb;
    } catch {
      continue;
    }
    pending.push(...childrenOf(next));
  }
  return total;
}

/** CPU time every process on the machine has used (all cores, idle and iowait excluded), in milliseconds. */
export function machineBusyMs(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

/**
 * Time a process's main thread (its event loop) spent runnable but waiting for a core, in
 * milliseconds (the second field of /proc/<pid>/schedstat). A server whose event loop lags while this
 * grows is not slow: it is waiting for a core someone else holds (V8's helper threads pinned to the
 * same core count too, which is why the main thread alone is read).
 */
export function runQueueWaitMsOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
}
