import type { Redis } from 'ioredis';

/** Redis's own counters at one moment: calls per command and read events on client sockets. */
export interface RedisCounters {
  callsByCommand: Map<string, number>;
  readsProcessed: number;
}

/** Server-side view of what the turns between two snapshots cost. */
export interface RedisUsage {
  turns: number;
  /** Commands Redis executed, those run inside Lua scripts (EVALSHA) included, as INFO commandstats counts them. */
  commandsExecutedPerTurn: number;
  /** total_reads_processed: read events on client sockets, background clients (job queues) included.
   *  With one conversation in flight this approximates round trips; under load batches merge. */
  socketReadsPerTurn: number;
  callsPerTurnByCommand: Record<string, number>;
}

/** The bench's own INFO calls are not the bot's: they are left out. */
const OWN_COMMANDS = new Set(['info']);

export async function readRedisCounters(redis: Redis): Promise<RedisCounters> {
  const info = await redis.info('commandstats', 'stats');
  const callsByCommand = new Map<string, number>();
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) {
    callsByCommand.set(match[1].toLowerCase(), Number(match[2]));
  }
  return {
    callsByCommand,
    readsProcessed: Number(/^total_reads_processed:(\d+)/m.exec(info)?.[1] ?? NaN),
  };
}

/** The later snapshot's own INFO is one read the earlier snapshot did not see; it is taken off. */
export function redisUsageBetween(before: RedisCounters, after: RedisCounters, turns: number): RedisUsage {
  const callsPerTurnByCommand: Record<string, number> = {};
  let commands = 0;
  for (const [command, calls] of after.callsByCommand) {
    if (OWN_COMMANDS.has(command)) continue;
    const delta = calls - (before.callsByCommand.get(command) ?? 0);
    if (delta === 0) continue;
    commands += delta;
    callsPerTurnByCommand[command] = delta / turns;
  }
  return {
    turns,
    commandsExecutedPerTurn: commands / turns,
    socketReadsPerTurn: (after.readsProcessed - before.readsProcessed - 1) / turns,
    callsPerTurnByCommand,
  };
}
