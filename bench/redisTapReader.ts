import { readFileSync } from 'node:fs';
import type { TapCounts } from './redisTap';

/** What the bot's own Redis clients sent for the turns between two tap snapshots. */
export interface TapUsage {
  turns: number;
  roundTripsPerTurn: number;
  commandsPerTurn: number;
  /** Round trips that carried bot state (keys under "<prefix>:state:"). */
  stateRoundTripsPerTurn: number;
  stateCommandsPerTurn: number;
  commandsPerTurnByCategory: Record<string, number>;
  roundTripsPerTurnByCategory: Record<string, number>;
}

/** Asks the tapped bot (SIGUSR2) for its counts and waits until it has written them. */
export async function readTap(
  pid: number,
  file: string,
  previous: TapCounts | undefined,
): Promise<TapCounts> {
  const wanted = (previous?.sequence ?? 0) + 1;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    try {
      const counts = JSON.parse(readFileSync(file, 'utf8')) as TapCounts;
      if (counts.sequence === wanted) return counts;
    } catch {
      // not written yet, or half written
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the Redis tap in the bot did not answer');
}

export function tapUsageBetween(before: TapCounts, after: TapCounts, turns: number): TapUsage {
  const perTurn = (later: Record<string, number>, earlier: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(later)
        .map(([key, value]) => [key, (value - (earlier[key] ?? 0)) / turns] as const)
        .filter(([, value]) => value > 0),
    );
  const commandsPerTurnByCategory = perTurn(after.commandsByCategory, before.commandsByCategory);
  const roundTripsPerTurnByCategory = perTurn(after.roundTripsByCategory, before.roundTripsByCategory);
  return {
    turns,
    roundTripsPerTurn: (after.roundTrips - before.roundTrips) / turns,
    commandsPerTurn: Object.values(commandsPerTurnByCategory).reduce((sum, value) => sum + value, 0),
    stateRoundTripsPerTurn: roundTripsPerTurnByCategory.state ?? 0,
    stateCommandsPerTurn: commandsPerTurnByCategory.state ?? 0,
    commandsPerTurnByCategory,
    roundTripsPerTurnByCategory,
  };
}
