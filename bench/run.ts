import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  CAPACITY_DEFAULTS,
  CapacityBackend,
  CapacityMeasurement,
  describeCapacity,
  measureCapacity,
  stopWindowOf,
} from './capacity';
import { CleanupStack } from './cleanupStack';
import { BENCH_TIME_ZONE, startLoadRig } from './loadRig';
import { CpuLayout, pinProcess } from './cpuPinning';
import { measureDateResolution } from './dateResolution';
import { measureIntentModel } from './intentAccuracy';
import { describeMachine } from './machine';
import { LevelMeasurement, measureLevel } from './measureLevel';
import { memoryOf, treeRssKbOf } from './procStats';
import { summarizeProfile } from './profileSummary';
import { readRedisCounters, RedisUsage, redisUsageBetween } from './redisCounters';
import { readTap, TapUsage, tapUsageBetween } from './redisTapReader';
import { Report, rounded } from './report';
import { scenarioNamed, SCENARIOS } from './scenarios';
import { pairedRounds, PairedSide } from './pairedRounds';
import { niceOption, raiseSessionPriority } from './priority';
import { productionNodeFlags } from './productionNodeFlags';
import { ServerProcess, ServerLaunch } from './serverProcess';
import { measureStateGrowth } from './stateGrowth';

/**
 * `npm run bench`: the assistant's production build and a bare echo bot on the same stack, both on a
 * private Redis, driven by simulated users from a separate driver process. Prints one figure per
 * line and, last, one JSON object. Flags: --profile (CPU profile of the assistant at 64
 * conversations), --duration-ms=N (per load level, default 8000), --levels=1,16,64,256.
 */
const BOT_ENTRY = path.resolve(__dirname, '../src/index.js');
const ECHO_ENTRY = path.resolve(__dirname, 'echoBot.js');
const CLUSTER_ENTRY = path.resolve(__dirname, 'clusterBot.js');
const TAP_ENTRY = path.resolve(__dirname, 'redisTap.js');
/** As `npm start` runs the assistant (heap bounds). */
const START_FLAGS = productionNodeFlags();

const BOT_PREFIX = 'bench';
const WARM_UP_MS = 3000;
const HEADLINE_LEVEL = 64;
/** Extra rounds at the headline level, alternating echo bot and assistant (bench/pairedRounds.ts). */
const PAIRED_ROUNDS = 2;
/** Conversations per scenario, one at a time, for Redis's per-turn counts. */
const COUNTED_CONVERSATIONS = 3;

interface Options {
  profile: boolean;
  /** Only the Redis round-trip counts (and state size): exact whatever the machine's load. */
  countsOnly: boolean;
  /** The capacity ramps (bench/capacity.ts): off with --no-capacity, each bounded by --capacity-ms. */
  capacity: boolean;
  capacityMs: number;
  /** --nice=N: the capacity ramps' processes at this scheduling priority (bench/priority.ts). */
  nice: number | undefined;
  durationMs: number;
  levels: number[];
}

function parseOptions(argv: string[]): Options {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const levels = (value('levels') ?? '1,16,64,256').split(',').map(Number);
  return {
    profile: argv.includes('--profile'),
    countsOnly: argv.includes('--counts-only'),
    capacity: !argv.includes('--no-capacity'),
    capacityMs: Number(value('capacity-ms') ?? CAPACITY_DEFAULTS.maxDurationMs),
    nice: niceOption(argv),
    durationMs: Number(value('duration-ms') ?? 8000),
    levels: levels.includes(HEADLINE_LEVEL) ? levels : [...levels, HEADLINE_LEVEL].sort((a, b) => a - b),
  };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const report = new Report();
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    return await runBench(options, report, cleanup);
  } finally {
    await cleanup.stopAll();
  }
}

async function runBench(options: Options, report: Report, cleanup: CleanupStack): Promise<number> {
  const cores = os.availableParallelism();
  const { layout, redisServer, context } = await startLoadRig(cleanup, cores);
  const { counters, driver } = context;
  const allCores = `0-${cores - 1}`;
  const redisVersion = /^redis_version:(.+)$/m.exec(await counters.info('server'))?.[1]?.trim() ?? '?';

  const machine = describeMachine(redisVersion);
  report.section('machine');
  report.figure('cpu', machine.cpuModel);
  report.figure('cores', machine.cores);
  report.figure('memory', machine.memoryGb, 'GB');
  report.figure('node', machine.node);
  report.figure('redis', machine.redis);
  report.figure('cpu_layout', describeLayout(layout));
  report.figure(
    'duration_per_level',
    options.durationMs,
    'ms',
    `after a ${WARM_UP_MS} ms warm-up per server`,
  );

  const startServer = async (launch: ServerLaunch): Promise<ServerProcess> => {
    const server = await ServerProcess.start(launch, (started) =>
      cleanup.push(launch.name, () => started.stop()),
    );
    return server;
  };
  const warmUp = (server: ServerProcess) =>
    measureLevel(context, server, {
      concurrency: 16,
      durationMs: WARM_UP_MS,
      expect: expectOf(server),
      runId: runId('warm'),
    });
  const sweep = async (server: ServerProcess): Promise<Map<number, LevelMeasurement>> => {
    const results = new Map<number, LevelMeasurement>();
    for (const concurrency of options.levels) {
      const measured = await measureLevel(context, server, {
        concurrency,
        durationMs: options.durationMs,
        expect: expectOf(server),
        runId: runId(`${server.name}-c${concurrency}`),
      });
      results.set(concurrency, measured);
      printLevel(report, server.name, measured);
    }
    return results;
  };

  let echoLevels = new Map<number, LevelMeasurement>();
  let echo: ServerProcess | undefined;
  if (!options.countsOnly) {
    // The baseline first: the bare echo bot on the same stack, same cores, same driver, and the same
    // node flags as the assistant (the start script's heap bounds roughly double the echo bot's CPU
    // per turn: left off, the ratio would charge the memory policy to the assistant's logic).
    report.section('echo baseline (restify + CloudAdapter + RedisStorage + ConversationState)');
    echo = await startServer({
      name: 'echo',
      entry: ECHO_ENTRY,
      env: { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'echo' },
      cores: layout.server,
      nodeArgs: START_FLAGS,
    });
    report.figure('echo_startup_ms', echo.startupMs);
    await warmUp(echo);
    echoLevels = await sweep(echo);
    // Kept running: the headline level is measured again in rounds alternating with the assistant's.
  }

  // Redis costs, counted in a bot process with the Redis tap preloaded (never the one timed below).
  report.section('Redis per turn (one conversation at a time, each scenario 3 times)');
  const botEnv = { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: BOT_PREFIX };
  const tapDirectory = mkdtempSync(path.join(os.tmpdir(), 'bench-tap-'));
  cleanup.push('tap directory', () => rmSync(tapDirectory, { recursive: true, force: true }));
  const tapFile = path.join(tapDirectory, 'counts.json');
  const tapped = await startServer({
    name: 'assistant-tapped',
    entry: BOT_ENTRY,
    env: { ...botEnv, BENCH_REDIS_TAP_FILE: tapFile },
    cores: layout.server,
    nodeArgs: [...START_FLAGS, '--require', TAP_ENTRY],
  });
  const perScenario = new Map<string, { tap: TapUsage; server: RedisUsage }>();
  // One conversation per scenario first: connections, script loading and job queues set up once
  // per process are not a turn's cost (the timed servers get their warm-up too).
  const warmUpRun = await driver.run({
    baseUrl: tapped.baseUrl,
    concurrency: 1,
    conversationsPerUser: 1,
    scenarios: SCENARIOS.map((scenario) => scenario.name),
    expect: 'assistant',
    runId: runId('count-warm'),
    timeZone: BENCH_TIME_ZONE,
  });
  assertClean(warmUpRun.failures + warmUpRun.unexpected, warmUpRun.firstProblem);
  let tapCounts = await readTap(tapped.pid, tapFile, undefined);
  for (const scenario of SCENARIOS) {
    const serverBefore = await readRedisCounters(counters);
    const run = await driver.run({
      baseUrl: tapped.baseUrl,
      concurrency: 1,
      conversationsPerUser: COUNTED_CONVERSATIONS,
      scenarios: [scenario.name],
      expect: 'assistant',
      runId: runId(`count-${scenario.name}`),
      timeZone: BENCH_TIME_ZONE,
    });
    assertClean(run.failures + run.unexpected, run.firstProblem);
    const server = redisUsageBetween(serverBefore, await readRedisCounters(counters), run.turns);
    const nextCounts = await readTap(tapped.pid, tapFile, tapCounts);
    const tap = tapUsageBetween(tapCounts, nextCounts, run.turns);
    tapCounts = nextCounts;
    perScenario.set(scenario.name, { tap, server });
    printRedisUsage(report, scenario.name, tap, server);
  }
  const redisTotals = combineUsage([...perScenario.values()].map((usage) => usage.tap));
  report.figure(
    'redis_roundtrips_per_turn',
    redisTotals.stateRoundTripsPerTurn,
    '',
    'round trips carrying bot state, all scenarios',
  );
  report.figure('redis_state_commands_per_turn', redisTotals.stateCommandsPerTurn);
  report.figure(
    'redis_roundtrips_per_turn_all',
    redisTotals.roundTripsPerTurn,
    '',
    'every round trip the bot made, background queues included',
  );
  report.figure('redis_commands_per_turn_all', redisTotals.commandsPerTurn);

  report.section('state in Redis (one filing conversation, measured after every turn)');
  const growth = await measureStateGrowth(
    tapped.baseUrl,
    counters,
    BOT_PREFIX,
    scenarioNamed('ended_contract_filing'),
    BENCH_TIME_ZONE,
  );
  report.figure(
    'state_bytes_per_conversation',
    growth.peak.valueBytes,
    'B',
    `peak, after "${growth.peak.afterTurn}"; ${growth.peak.keys} key(s)`,
  );
  report.figure(
    'state_memory_bytes_per_conversation',
    growth.peak.memoryBytes,
    'B',
    'MEMORY USAGE at that peak, Redis overhead included',
  );
  report.figure('state_bytes_after_filing', growth.final.valueBytes, 'B', 'the flow ended, dispute recorded');
  report.figure('user_state_bytes', growth.user.valueBytes, 'B');
  await cleanup.release('assistant-tapped');
  if (options.countsOnly) {
    console.log(
      JSON.stringify({
        redis_roundtrips_per_turn: rounded(redisTotals.stateRoundTripsPerTurn, 2),
        redis_roundtrips_per_turn_all: rounded(redisTotals.roundTripsPerTurn, 2),
        redis_commands_per_turn_all: rounded(redisTotals.commandsPerTurn, 2),
        redis_roundtrips_by_category: mapValues(redisTotals.roundTripsPerTurnByCategory, (value) =>
          rounded(value, 2),
        ),
        state_bytes_per_conversation: growth.peak.valueBytes,
      }),
    );
    return 0;
  }

  report.section('assistant (dist/src/index.js, one process)');
  const bot = await startServer({
    name: 'assistant',
    entry: BOT_ENTRY,
    env: botEnv,
    cores: layout.server,
    nodeArgs: START_FLAGS,
  });
  report.figure(
    'startup_ms',
    bot.startupMs,
    'ms',
    'spawn to first 200 on /healthz, intent model trained and dates warmed up',
  );
  const idleRssKb = memoryOf(bot.pid).rssKb;
  report.figure('rss_idle_mb', idleRssKb / 1024, 'MB');

  report.section('assistant under load');
  await warmUp(bot);
  const botLevels = await sweep(bot);
  const rss = memoryOf(bot.pid);
  report.figure('rss_after_load_mb', rss.rssKb / 1024, 'MB');
  report.figure('rss_peak_mb', rss.peakRssKb / 1024, 'MB', 'VmHWM over the whole run');

  const atHeadline = (label: string) => (server: ServerProcess) =>
    measureLevel(context, server, {
      concurrency: HEADLINE_LEVEL,
      durationMs: options.durationMs,
      expect: expectOf(server),
      runId: runId(`${server.name}-${label}`),
    });
  // The sweeps' headline level plus alternating rounds: each side's median against the other's.
  report.section(`against the baseline at ${HEADLINE_LEVEL} conversations (medians of alternating rounds)`);
  const headline = await pairedRounds(
    atHeadline('paired'),
    { a: echo as ServerProcess, b: bot },
    PAIRED_ROUNDS,
    {
      a: [echoLevels.get(HEADLINE_LEVEL) as LevelMeasurement],
      b: [botLevels.get(HEADLINE_LEVEL) as LevelMeasurement],
    },
  );
  await cleanup.release('assistant');
  await cleanup.release('echo');
  const { a: theirs, b: ours } = headline;
  printRounds(report, 'echo', theirs);
  printRounds(report, 'assistant', ours);
  const ratio = ours.turnsPerSecond / theirs.turnsPerSecond;
  report.figure('throughput_ratio_vs_echo', ratio);
  report.figure('cpu_ms_per_turn_ratio_vs_echo', ours.cpuMsPerTurn / theirs.cpuMsPerTurn);
  report.figure('p99_ratio_vs_echo_64', ours.p99Ms / theirs.p99Ms);

  // The same pair on node's default heap settings: what the start script's flags cost each of them.
  report.section(`both on node's default heap settings, ${HEADLINE_LEVEL} conversations`);
  const onDefaults = async (name: string, entry: string, env: Record<string, string>) => {
    const server = await startServer({ name, entry, env, cores: layout.server, nodeArgs: [] });
    await warmUp(server);
    return server;
  };
  const defaultsPair = await pairedRounds(
    atHeadline('defaults'),
    {
      a: await onDefaults('echo', ECHO_ENTRY, {
        REDIS_URL: redisServer.url,
        REDIS_KEY_PREFIX: 'echo-defaults',
      }),
      b: await onDefaults('assistant-node-defaults', BOT_ENTRY, botEnv),
    },
    PAIRED_ROUNDS + 1,
  );
  await cleanup.release('assistant-node-defaults');
  await cleanup.release('echo');
  printRounds(report, 'echo_node_defaults', defaultsPair.a);
  printRounds(report, 'assistant_node_defaults', defaultsPair.b);
  const defaultsCpuRatio = defaultsPair.b.cpuMsPerTurn / defaultsPair.a.cpuMsPerTurn;
  const defaultsThroughputRatio = defaultsPair.b.turnsPerSecond / defaultsPair.a.turnsPerSecond;
  report.figure('cpu_ms_per_turn_ratio_vs_echo_node_defaults', defaultsCpuRatio);
  report.figure('throughput_ratio_vs_echo_node_defaults', defaultsThroughputRatio);

  let profile: ReturnType<typeof summarizeProfile> | undefined;
  if (options.profile) {
    report.section(`CPU profile of the assistant at ${HEADLINE_LEVEL} conversations (--cpu-prof)`);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
    const profiled = await startServer({
      name: 'assistant-profiled',
      entry: BOT_ENTRY,
      env: botEnv,
      cores: layout.server,
      nodeArgs: [...START_FLAGS, '--cpu-prof', `--cpu-prof-dir=${directory}`],
    });
    await warmUp(profiled);
    printLevel(
      report,
      'assistant_profiled',
      await measureLevel(context, profiled, {
        concurrency: HEADLINE_LEVEL,
        durationMs: options.durationMs,
        expect: 'assistant',
        runId: runId('profiled'),
      }),
    );
    await cleanup.release('assistant-profiled');
    profile = summarizeProfile(directory);
    printProfile(report, profile);
  }

  // Cluster against one process under the same layout: every process may use every core.
  report.section(
    `cluster: one worker per core against one process, ${HEADLINE_LEVEL} conversations, no pinning`,
  );
  pinProcess(redisServer.pid, allCores);
  if (layout.pinned) driver.repin(allCores);
  const single = await startServer({
    name: 'assistant-unpinned',
    entry: BOT_ENTRY,
    env: botEnv,
    cores: undefined,
    nodeArgs: START_FLAGS,
  });
  await warmUp(single);
  const singleRun = await measureLevel(context, single, {
    concurrency: HEADLINE_LEVEL,
    durationMs: options.durationMs,
    expect: 'assistant',
    runId: runId('single'),
  });
  printLevel(report, 'one_process', singleRun);
  await cleanup.release('assistant-unpinned');
  const clustered = await startServer({
    name: 'assistant-cluster',
    entry: CLUSTER_ENTRY,
    env: { ...botEnv, BENCH_WORKERS: String(cores) },
    cores: undefined,
    readyLine: /cluster ready/,
    // Workers inherit the primary's flags.
    nodeArgs: START_FLAGS,
  });
  report.figure('cluster_startup_ms', clustered.startupMs, 'ms', `${cores} workers listening`);
  await warmUp(clustered);
  const clusterRun = await measureLevel(context, clustered, {
    concurrency: HEADLINE_LEVEL,
    durationMs: options.durationMs,
    expect: 'assistant',
    runId: runId('cluster'),
  });
  printLevel(report, 'cluster', clusterRun);
  report.figure('cluster_rss_mb', treeRssKbOf(clustered.pid) / 1024, 'MB', 'primary and workers');
  await cleanup.release('assistant-cluster');
  const clusterRatio = clusterRun.load.turnsPerSecond / singleRun.load.turnsPerSecond;
  report.figure('cluster_ratio_vs_one_process', clusterRatio, '', `${cores} workers`);

  // Users at human pace, ramped until p99 crosses 200 ms: Redis-backed, then the embedded store.
  const capacity = new Map<CapacityBackend, CapacityMeasurement>();
  if (options.capacity) {
    pinProcess(redisServer.pid, layout.redis ?? allCores);
    cleanup.push('priority', raiseSessionPriority(options.nice));
    for (const backend of ['redis', 'embedded', 'echo'] as const) {
      report.section(
        `capacity, ${backend}: users pausing ${CAPACITY_DEFAULTS.thinkMinMs / 1000}–${CAPACITY_DEFAULTS.thinkMaxMs / 1000} s between turns, ramped until p99 > ${CAPACITY_DEFAULTS.p99LimitMs} ms (at most ${options.capacityMs / 1000} s)`,
      );
      const measured = await measureCapacity({
        backend,
        redisUrl: redisServer.url,
        redisPid: redisServer.pid,
        layout,
        cleanup,
        maxDurationMs: options.capacityMs,
        timeZone: BENCH_TIME_ZONE,
      });
      for (const line of describeCapacity(measured)) console.log(line);
      capacity.set(backend, measured);
    }
    await cleanup.release('priority');
  }

  report.section('in-process micro-benchmarks');
  const intent = await measureIntentModel();
  const dates = measureDateResolution();

  const problems =
    [
      ...echoLevels.values(),
      ...botLevels.values(),
      ...headline.a.rounds,
      ...headline.b.rounds,
      ...defaultsPair.a.rounds,
      ...defaultsPair.b.rounds,
      singleRun,
      clusterRun,
    ].reduce((sum, level) => sum + level.load.failures + level.load.unexpected, 0) +
    [...capacity.values()].reduce((sum, run) => sum + run.result.failures + run.result.unexpected, 0);
  report.section('summary');
  report.figure('failed_or_unexpected_turns', problems);
  const levelTable = Object.fromEntries(
    [...botLevels].map(([concurrency, level]) => [
      String(concurrency),
      {
        turns_per_s: rounded(level.load.turnsPerSecond, 1),
        p50_ms: rounded(level.load.latency.p50Ms),
        p95_ms: rounded(level.load.latency.p95Ms),
        p99_ms: rounded(level.load.latency.p99Ms),
        echo_turns_per_s: rounded(echoLevels.get(concurrency)?.load.turnsPerSecond ?? NaN, 1),
        echo_p99_ms: rounded(echoLevels.get(concurrency)?.load.latency.p99Ms ?? NaN),
      },
    ]),
  );
  console.log(
    JSON.stringify({
      throughput_ratio_vs_echo: rounded(ratio, 3),
      p99_ratio_vs_echo_64: rounded(ours.p99Ms / theirs.p99Ms, 3),
      cpu_ms_per_turn_ratio_vs_echo: rounded(ours.cpuMsPerTurn / theirs.cpuMsPerTurn, 3),
      concurrent_users_p99_200ms: capacity.get('redis')?.result.usersHeld ?? null,
      concurrent_users_p99_200ms_embedded: capacity.get('embedded')?.result.usersHeld ?? null,
      concurrent_users_p99_200ms_echo: capacity.get('echo')?.result.usersHeld ?? null,
      capacity_at_stop: Object.fromEntries(
        [...capacity].map(([backend, run]) => [backend, stopWindowOf(run)]),
      ),
      capacity_other_cpu_percent: rounded(capacity.get('redis')?.otherCpuPercent ?? NaN, 0),
      turns_per_s_64: rounded(ours.turnsPerSecond, 1),
      p50_ms_64: rounded(ours.p50Ms),
      p95_ms_64: rounded(ours.p95Ms),
      p99_ms_64: rounded(ours.p99Ms),
      echo_turns_per_s_64: rounded(theirs.turnsPerSecond, 1),
      cpu_ms_per_turn_64: rounded(ours.cpuMsPerTurn, 3),
      echo_cpu_ms_per_turn_64: rounded(theirs.cpuMsPerTurn, 3),
      cpu_ms_per_turn_ratio_vs_echo_node_defaults: rounded(defaultsCpuRatio, 3),
      throughput_ratio_vs_echo_node_defaults: rounded(defaultsThroughputRatio, 3),
      cpu_ms_per_turn_64_node_defaults: rounded(defaultsPair.b.cpuMsPerTurn, 3),
      echo_cpu_ms_per_turn_64_node_defaults: rounded(defaultsPair.a.cpuMsPerTurn, 3),
      redis_roundtrips_per_turn: rounded(redisTotals.stateRoundTripsPerTurn, 2),
      redis_state_commands_per_turn: rounded(redisTotals.stateCommandsPerTurn, 2),
      redis_roundtrips_per_turn_all: rounded(redisTotals.roundTripsPerTurn, 2),
      redis_commands_per_turn_all: rounded(redisTotals.commandsPerTurn, 2),
      redis_roundtrips_by_category: mapValues(redisTotals.roundTripsPerTurnByCategory, (value) =>
        rounded(value, 2),
      ),
      state_bytes_per_conversation: growth.peak.valueBytes,
      state_memory_bytes_per_conversation: growth.peak.memoryBytes,
      startup_ms: Math.round(bot.startupMs),
      rss_idle_mb: rounded(idleRssKb / 1024, 1),
      rss_after_load_mb: rounded(rss.rssKb / 1024, 1),
      rss_peak_mb: rounded(rss.peakRssKb / 1024, 1),
      cluster_workers: cores,
      cluster_ratio_vs_one_process: rounded(clusterRatio, 3),
      intent_accuracy: rounded(intent.intent_accuracy, 4),
      intent_ms_per_utterance: rounded(intent.intent_ms_per_utterance, 3),
      date_ms_per_utterance: rounded(dates.date_ms_per_utterance, 3),
      levels: levelTable,
      cpu_pinned: layout.pinned,
      other_cpu_percent_64: rounded(Math.max(...ours.rounds.map((round) => round.otherCpuPercent)), 0),
      failed_or_unexpected_turns: problems,
      profile_top: profile?.topFunctions
        .slice(0, 5)
        .map((share) => `${share.name} ${share.selfPercent.toFixed(1)}%`),
    }),
  );
  return problems === 0 ? 0 : 1;
}

function expectOf(server: ServerProcess): 'assistant' | 'echo' {
  return server.name === 'echo' ? 'echo' : 'assistant';
}

let runCounter = 0;
function runId(label: string): string {
  runCounter += 1;
  return `${Date.now().toString(36)}-${runCounter}-${label}`;
}

function describeLayout(layout: CpuLayout): string {
  return layout.pinned
    ? `server on core ${layout.server}; load driver and Redis on core ${layout.driver} (taskset)`
    : 'not pinned: every process shares every core';
}

/** One side of a paired measurement: every round's level, then the medians the ratios use. */
function printRounds(report: Report, name: string, side: PairedSide): void {
  side.rounds.forEach((round, index) => printLevel(report, `${name}_round${index + 1}`, round));
  report.figure(
    `${name}_c${HEADLINE_LEVEL}_median`,
    `${side.turnsPerSecond.toFixed(1)} turns/s, ${side.cpuMsPerTurn.toFixed(3)} ms CPU per turn, p99 ${side.p99Ms.toFixed(1)} ms`,
    '',
    `median of ${side.rounds.length} rounds`,
  );
}

function printLevel(report: Report, name: string, level: LevelMeasurement): void {
  const { load } = level;
  const tag = `${name}_c${load.concurrency}`;
  report.figure(`${tag}_turns_per_s`, load.turnsPerSecond);
  report.figure(`${tag}_p50_ms`, load.latency.p50Ms);
  report.figure(`${tag}_p95_ms`, load.latency.p95Ms);
  report.figure(`${tag}_p99_ms`, load.latency.p99Ms);
  report.figure(
    `${tag}_cpu_percent`,
    `server ${level.serverCpuPercent.toFixed(0)} / driver ${level.driverCpuPercent.toFixed(0)} / redis ${level.redisCpuPercent.toFixed(0)} / other processes ${level.otherCpuPercent.toFixed(0)}`,
    '',
    `server ${level.serverCpuMsPerTurn.toFixed(2)} ms CPU per turn; Redis executed ${level.redis.commandsExecutedPerTurn.toFixed(2)} commands and ${level.redis.socketReadsPerTurn.toFixed(2)} socket reads per turn`,
  );
  if (load.failures + load.unexpected > 0) {
    report.figure(`${tag}_problems`, load.failures + load.unexpected, '', load.firstProblem ?? '');
  }
}

function printRedisUsage(report: Report, scenario: string, tap: TapUsage, server: RedisUsage): void {
  const list = (table: Record<string, number>) =>
    Object.entries(table)
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(', ');
  report.figure(
    `redis_${scenario}_per_turn`,
    `${tap.stateRoundTripsPerTurn.toFixed(2)} state round trips, ${tap.roundTripsPerTurn.toFixed(2)} round trips, ${tap.commandsPerTurn.toFixed(2)} commands`,
    '',
    `${tap.turns} turns; round trips by key: ${list(tap.roundTripsPerTurnByCategory)}; commands by key: ${list(tap.commandsPerTurnByCategory)}`,
  );
  report.figure(
    `redis_${scenario}_server_side`,
    `${server.socketReadsPerTurn.toFixed(2)} socket reads, ${server.commandsExecutedPerTurn.toFixed(2)} commands executed per turn`,
    '',
    `INFO stats/commandstats, script-inner commands included: ${list(server.callsPerTurnByCommand)}`,
  );
}

/** Per-turn figures of several runs, weighted by their turns. */
function combineUsage(parts: TapUsage[]): TapUsage {
  const turns = parts.reduce((sum, part) => sum + part.turns, 0);
  const weighted = (pick: (usage: TapUsage) => number) =>
    parts.reduce((sum, part) => sum + pick(part) * part.turns, 0) / turns;
  const weightedTable = (pick: (usage: TapUsage) => Record<string, number>) => {
    const keys = new Set(parts.flatMap((part) => Object.keys(pick(part))));
    return Object.fromEntries([...keys].map((key) => [key, weighted((usage) => pick(usage)[key] ?? 0)]));
  };
  return {
    turns,
    roundTripsPerTurn: weighted((usage) => usage.roundTripsPerTurn),
    commandsPerTurn: weighted((usage) => usage.commandsPerTurn),
    stateRoundTripsPerTurn: weighted((usage) => usage.stateRoundTripsPerTurn),
    stateCommandsPerTurn: weighted((usage) => usage.stateCommandsPerTurn),
    commandsPerTurnByCategory: weightedTable((usage) => usage.commandsPerTurnByCategory),
    roundTripsPerTurnByCategory: weightedTable((usage) => usage.roundTripsPerTurnByCategory),
  };
}

function mapValues(table: Record<string, number>, map: (value: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(table).map(([key, value]) => [key, map(value)]));
}

function printProfile(report: Report, profile: ReturnType<typeof summarizeProfile>): void {
  report.figure('profile_file', profile.file);
  for (const share of profile.byOrigin.slice(0, 10))
    report.figure('profile_self_by_origin', `${share.selfPercent.toFixed(1)}%`, '', share.name);
  for (const share of profile.topFunctions.slice(0, 15))
    report.figure('profile_self_top', `${share.selfPercent.toFixed(1)}%`, '', share.name);
  for (const share of profile.topProjectInclusive.slice(0, 12))
    report.figure('profile_project_inclusive', `${share.selfPercent.toFixed(1)}%`, '', share.name);
}

function assertClean(problems: number, firstProblem: string | undefined): void {
  if (problems > 0) throw new Error(`the assistant did not answer as scripted: ${firstProblem ?? ''}`);
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
