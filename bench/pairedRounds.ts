import type { LevelMeasurement } from './measureLevel';
import type { ServerProcess } from './serverProcess';

/** One server's figures over its rounds, each the median of that figure across the rounds. */
export interface PairedSide {
  turnsPerSecond: number;
  cpuMsPerTurn: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  rounds: LevelMeasurement[];
}

/**
 * Two servers measured at one load level in alternating rounds (A B, B A, A B...), after any rounds
 * already taken: the machine's drift over a run (another tenant, the host's clock) lands on both sides
 * alike, and one unlucky round moves neither median. A ratio of two sides is only as good as this.
 */
export async function pairedRounds(
  measure: (server: ServerProcess) => Promise<LevelMeasurement>,
  servers: { a: ServerProcess; b: ServerProcess },
  rounds: number,
  already: { a: LevelMeasurement[]; b: LevelMeasurement[] } = { a: [], b: [] },
): Promise<{ a: PairedSide; b: PairedSide }> {
  const taken = { a: [...already.a], b: [...already.b] };
  for (let round = 0; round < rounds; round++) {
    const order: Array<'a' | 'b'> = round % 2 === 0 ? ['b', 'a'] : ['a', 'b'];
    for (const side of order) taken[side].push(await measure(servers[side]));
  }
  return { a: sideOf(taken.a), b: sideOf(taken.b) };
}

function sideOf(rounds: LevelMeasurement[]): PairedSide {
  return {
    turnsPerSecond: median(rounds.map((round) => round.load.turnsPerSecond)),
    cpuMsPerTurn: median(rounds.map((round) => round.serverCpuMsPerTurn)),
    p50Ms: median(rounds.map((round) => round.load.latency.p50Ms)),
    p95Ms: median(rounds.map((round) => round.load.latency.p95Ms)),
    p99Ms: median(rounds.map((round) => round.load.latency.p99Ms)),
    rounds,
  };
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
