import path from 'node:path';
import { CleanupStack } from './cleanupStack';
import { startLoadRig } from './loadRig';
import { measureLevel } from './measureLevel';
import { productionNodeFlags } from './productionNodeFlags';
import { ServerProcess } from './serverProcess';

/**
 * Server CPU per turn of the echo bot and of one or more builds of the assistant, measured in short
 * load levels taken in turn (echo, A, B, echo, B, A, ...), so a busy machine weighs on every side
 * alike: `node dist/bench/cpuCompare.js --entry=../main/dist/src/index.js --rounds=6`. This build's
 * assistant is always one side. Prints each side's median and lowest CPU per turn and the median's
 * ratio to the echo bot's. For comparing changes on a noisy machine; not part of `npm run bench`.
 */
interface Side {
  name: string;
  entry: string;
  expect: 'echo' | 'assistant';
  server: ServerProcess;
  cpuMsPerTurn: number[];
  other: number[];
}

const value = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];

async function main(): Promise<void> {
  const rounds = Number(value('rounds') ?? 6);
  const levelMs = Number(value('level-ms') ?? 4000);
  const concurrency = Number(value('concurrency') ?? 16);
  const entries: Array<{ name: string; entry: string; expect: 'echo' | 'assistant' }> = [
    { name: 'echo', entry: path.resolve(__dirname, 'echoBot.js'), expect: 'echo' },
    { name: 'this build', entry: path.resolve(__dirname, '../src/index.js'), expect: 'assistant' },
    ...process.argv
      .filter((arg) => arg.startsWith('--entry='))
      .map((arg) => ({
        name: arg.slice(8),
        entry: path.resolve(arg.slice(8)),
        expect: 'assistant' as const,
      })),
  ];
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    const { layout, redisServer, context } = await startLoadRig(cleanup);
    const sides: Side[] = [];
    for (const [index, side] of entries.entries()) {
      const server = await ServerProcess.start(
        {
          name: `side-${index}`,
          entry: side.entry,
          env: { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: `side${index}` },
          cores: layout.server,
          nodeArgs: productionNodeFlags(),
        },
        (started) => cleanup.push(`side-${index}`, () => started.stop()),
      );
      sides.push({ ...side, server, cpuMsPerTurn: [], other: [] });
    }
    const run = (side: Side, label: string, ms: number) =>
      measureLevel(context, side.server, {
        concurrency,
        durationMs: ms,
        expect: side.expect,
        runId: `${Date.now().toString(36)}-${label}`,
      });
    for (const side of sides) await run(side, 'warm', 2000);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const level = await run(side, `r${round}`, levelMs);
        if (level.load.failures + level.load.unexpected > 0) throw new Error(`${side.name}: failed turns`);
        side.cpuMsPerTurn.push(level.serverCpuMsPerTurn);
        side.other.push(level.otherCpuPercent);
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const echoMedian = median(sides[0].cpuMsPerTurn);
    for (const side of sides) {
      console.log(
        `${side.name}: median ${median(side.cpuMsPerTurn).toFixed(3)} ms, lowest ${Math.min(...side.cpuMsPerTurn).toFixed(3)} ms ` +
          `CPU per turn, ratio to echo ${(median(side.cpuMsPerTurn) / echoMedian).toFixed(2)} ` +
          `(levels ${side.cpuMsPerTurn.map((ms) => ms.toFixed(2)).join(' ')}; other processes ${side.other.map((p) => p.toFixed(0)).join(' ')} %)`,
      );
    }
  } finally {
    await cleanup.stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`cpuCompare failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
