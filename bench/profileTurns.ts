import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CleanupStack } from './cleanupStack';
import { startLoadRig } from './loadRig';
import { measureLevel } from './measureLevel';
import { summarizeProfile } from './profileSummary';
import { productionNodeFlags } from './productionNodeFlags';
import { ServerProcess } from './serverProcess';

/**
 * A quick CPU profile of the assistant for development (`node dist/bench/profileTurns.js
 * --duration-ms=6000 --concurrency=16`): one Redis-backed server under `--cpu-prof`, one load level,
 * then where the CPU went and the server's CPU per turn. Not part of `npm run bench`. The shares
 * hold on a busy machine; the CPU per turn much less so (check `other processes`).
 */
const BOT_ENTRY = path.resolve(__dirname, '../src/index.js');

async function main(): Promise<void> {
  const value = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const durationMs = Number(value('duration-ms') ?? 6000);
  const concurrency = Number(value('concurrency') ?? 16);
  // --backend=embedded profiles the embedded store (what Redis costs per turn is the difference).
  const embedded = value('backend') === 'embedded';
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    const { layout, redisServer, context } = await startLoadRig(cleanup);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'profile-turns-'));
    const spawnedAt = performance.now();
    const server = await ServerProcess.start(
      {
        name: 'assistant-profiled',
        entry: BOT_ENTRY,
        env: embedded ? {} : { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'profile' },
        cores: layout.server,
        nodeArgs: [...productionNodeFlags(), '--cpu-prof', `--cpu-prof-dir=${directory}`],
      },
      (started) => cleanup.push('assistant-profiled', () => started.stop()),
    );
    const run = (label: string, ms: number) =>
      measureLevel(context, server, {
        concurrency,
        durationMs: ms,
        expect: 'assistant',
        runId: `${Date.now().toString(36)}-${label}`,
      });
    await run('warm', 2000);
    // Start-up and warm-up are left out of the profile.
    const profiledFromMs = performance.now() - spawnedAt;
    const level = await run('profiled', durationMs);
    await cleanup.release('assistant-profiled');
    const profile = summarizeProfile(directory, 25, profiledFromMs);
    console.log(
      `turns ${level.load.turns}, failures ${level.load.failures + level.load.unexpected}, ` +
        `server ${level.serverCpuMsPerTurn.toFixed(2)} ms CPU per turn, other processes ${level.otherCpuPercent.toFixed(0)} %`,
    );
    console.log(`profile ${profile.file}`);
    for (const share of profile.byOrigin.slice(0, 12))
      console.log(`origin ${share.selfPercent.toFixed(1)}% ${share.name}`);
    for (const share of profile.topFunctions.slice(0, 25))
      console.log(`self ${share.selfPercent.toFixed(1)}% ${share.name}`);
    for (const share of profile.topProjectInclusive.slice(0, 25))
      console.log(`inclusive ${share.selfPercent.toFixed(1)}% ${share.name}`);
  } finally {
    await cleanup.stopAll();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`profile failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
