import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Raises the bench's scheduling priority for the capacity ramps (opt-in, `--nice=-10`): on a machine
 * shared with other work the server otherwise waits for a core behind other processes, and the
 * figure measures them. Linux with autogroup (the default) shares CPU fairly between sessions
 * first, so a process's own nice only counts within its session: the session's autogroup nice
 * (/proc/self/autogroup, every bench process is in the orchestrator's session) is what is raised.
 * Needs root (CAP_SYS_NICE). Returns what puts the previous value back.
 */
export function raiseSessionPriority(nice: number | undefined): () => void {
  if (nice === undefined) return () => undefined;
  const file = '/proc/self/autogroup';
  const previous = Number(/nice (-?\d+)/.exec(readFileSync(file, 'utf8'))?.[1] ?? 0);
  writeFileSync(file, String(nice));
  return () => writeFileSync(file, String(previous));
}

/** `--nice=N` from a command line (undefined when absent). */
export function niceOption(argv: string[]): number | undefined {
  const given = argv.find((arg) => arg.startsWith('--nice='))?.split('=')[1];
  return given === undefined ? undefined : Number(given);
}
