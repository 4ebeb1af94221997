import type { LevelMeasurement } from '../../bench/measureLevel';
import { pairedRounds } from '../../bench/pairedRounds';
import type { ServerProcess } from '../../bench/serverProcess';

// A level measurement with only the figures pairedRounds reads.
function level(turnsPerSecond: number, cpuMsPerTurn: number, p99Ms: number): LevelMeasurement {
  return {
    load: { turnsPerSecond, latency: { p50Ms: p99Ms / 4, p95Ms: p99Ms / 2, p99Ms } },
    serverCpuMsPerTurn: cpuMsPerTurn,
  } as unknown as LevelMeasurement;
}

describe('pairedRounds (the bench headline: echo bot and assistant in alternating rounds)', () => {
  const echo = { name: 'echo' } as ServerProcess;
  const bot = { name: 'assistant' } as ServerProcess;

  it('alternates the sides after the rounds already taken (A B | B A | A B) and takes medians', async () => {
    const measured: string[] = [];
    const figures: Record<string, LevelMeasurement[]> = {
      echo: [level(2000, 0.4, 60), level(2400, 0.3, 50)],
      assistant: [level(900, 0.9, 200), level(1100, 0.7, 120)],
    };
    const result = await pairedRounds(
      async (server) => {
        measured.push(server.name);
        return figures[server.name].shift() as LevelMeasurement;
      },
      { a: echo, b: bot },
      2,
      { a: [level(1000, 1.0, 300)], b: [level(500, 2.0, 900)] },
    );

    expect(measured).toEqual(['assistant', 'echo', 'echo', 'assistant']);
    // One slow round on either side (the ones already taken) moves no median.
    expect(result.a).toMatchObject({ turnsPerSecond: 2000, cpuMsPerTurn: 0.4, p99Ms: 60 });
    expect(result.b).toMatchObject({ turnsPerSecond: 900, cpuMsPerTurn: 0.9, p99Ms: 200 });
    expect(result.a.rounds).toHaveLength(3);
  });

  it('takes the mean of the middle two for an even number of rounds', async () => {
    const values = [level(100, 1, 10), level(300, 3, 30)];
    const result = await pairedRounds(async () => values.shift() ?? level(0, 0, 0), { a: echo, b: bot }, 1);
    expect(result.b.cpuMsPerTurn).toBe(1);
    expect(result.a.cpuMsPerTurn).toBe(3);
    const more = [level(100, 1, 10), level(200, 2, 20), level(300, 3, 30), level(400, 4, 40)];
    const even = await pairedRounds(async () => more.shift() as LevelMeasurement, { a: echo, b: bot }, 2);
    // b got rounds 1 and 4, a got rounds 2 and 3.
    expect(even.b.turnsPerSecond).toBe(250);
    expect(even.a.turnsPerSecond).toBe(250);
    expect(even.a.cpuMsPerTurn).toBe(2.5);
  });
});
