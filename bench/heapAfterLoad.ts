import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CleanupStack } from './cleanupStack';
import { startLoadRig } from './loadRig';
import { measureLevel } from './measureLevel';
import { memoryOf } from './procStats';
import { productionNodeFlags } from './productionNodeFlags';
import { ServerProcess } from './serverProcess';
import { metricValue } from './windowVitals';

/**
 * Where the assistant's memory goes after load, for development (`node dist/bench/heapAfterLoad.js
 * [--levels=1,16,64,256] [--duration-ms=8000] [--snapshot]`): one Redis-backed server with the start
 * script's flags, the bench's load levels, then its RSS split into V8's spaces, external memory and
 * the rest (malloc, code, thread stacks), at idle and after load. With --snapshot, a heap snapshot
 * (`--heapsnapshot-signal`) at idle and after load, and the constructors whose retained objects grew
 * most between them. Not part of `npm run bench`.
 */
const BOT_ENTRY = path.resolve(__dirname, '../src/index.js');

async function main(): Promise<void> {
  const value = (name: string) =>
    process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const levels = (value('levels') ?? '1,16,64,256').split(',').map(Number);
  const durationMs = Number(value('duration-ms') ?? 8000);
  const snapshot = process.argv.includes('--snapshot');
  const backend = value('backend') ?? 'redis';
  const extraFlags = (value('node-flags') ?? '').split(' ').filter(Boolean);
  const extraEnv = Object.fromEntries(
    (value('env') ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  const cleanup = new CleanupStack();
  cleanup.stopOnSignals();
  try {
    const { layout, redisServer, context } = await startLoadRig(cleanup);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'heap-after-load-'));
    const flags = [...productionNodeFlags(), ...extraFlags];
    console.log(`node flags: ${flags.join(' ')}; env ${JSON.stringify(extraEnv)}; snapshots in ${directory}`);
    const server = await ServerProcess.start(
      {
        name: 'assistant-heap',
        entry: BOT_ENTRY,
        env: {
          ...extraEnv,
          ...(backend === 'redis' ? { REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'heap' } : {}),
        },
        cores: layout.server,
        nodeArgs: [
          ...flags,
          ...(snapshot ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${directory}`] : []),
        ],
      },
      (started) => cleanup.push('assistant-heap', () => started.stop()),
    );
    await printMemory(server, 'idle');
    if (snapshot) await takeSnapshot(server, directory);
    for (const concurrency of levels) {
      // RSS is a sawtooth between major GCs: one reading after load is luck; its spread over the level is not.
      const readings: number[] = [];
      const sampler = setInterval(() => readings.push(memoryOf(server.pid).rssKb / 1024), 250);
      const gcBefore = await gcSecondsByKind(server);
      const level = await measureLevel(context, server, {
        concurrency,
        durationMs,
        expect: 'assistant',
        runId: `${Date.now().toString(36)}-heap-${concurrency}`,
      });
      clearInterval(sampler);
      const gcAfter = await gcSecondsByKind(server);
      const turns = Math.max(level.load.turns, 1);
      const gcPerTurn = Object.keys(gcAfter)
        .map((kind) => `${kind} ${((1000 * (gcAfter[kind] - (gcBefore[kind] ?? 0))) / turns).toFixed(3)}`)
        .join(', ');
      const meanRss = readings.reduce((sum, mb) => sum + mb, 0) / Math.max(readings.length, 1);
      console.log(
        `level ${concurrency}: ${level.load.turnsPerSecond.toFixed(0)} turns/s, p99 ${level.load.latency.p99Ms.toFixed(0)} ms, server CPU per turn ${level.serverCpuMsPerTurn.toFixed(2)} ms, RSS mean ${meanRss.toFixed(0)} max ${Math.max(...readings).toFixed(0)} MB, GC ms per turn: ${gcPerTurn}; failures ${level.load.failures + level.load.unexpected}${level.load.firstProblem ? ` (${level.load.firstProblem.slice(0, 120)})` : ''}, other processes ${level.otherCpuPercent.toFixed(0)} %`,
      );
    }
    await printMemory(server, 'after load');
    if (snapshot) {
      await takeSnapshot(server, directory);
      const files = readdirSync(directory)
        .filter((name) => name.endsWith('.heapsnapshot'))
        .sort()
        .map((name) => path.join(directory, name));
      if (files.length === 2) printGrowth(files[0], files[1]);
    }
  } finally {
    await cleanup.stopAll();
  }
}

/** Seconds spent in each kind of GC so far (prom-client's nodejs_gc_duration_seconds, wall time). */
async function gcSecondsByKind(server: ServerProcess): Promise<Record<string, number>> {
  const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const kinds: Record<string, number> = {};
  for (const kind of ['minor', 'major', 'incremental', 'weakcb'])
    kinds[kind] = metricValue(metrics, 'nodejs_gc_duration_seconds_sum', `kind="${kind}"`);
  return kinds;
}

async function printMemory(server: ServerProcess, label: string): Promise<void> {
  const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  const rssKb = memoryOf(server.pid).rssKb;
  // prom-client names each space without its `_space` suffix.
  const spaces = ['new', 'old', 'code', 'large_object', 'trusted']
    .map(
      (space) =>
        `${space} ${mb(metricValue(metrics, 'nodejs_heap_space_size_used_bytes', `space="${space}"`))}/${mb(metricValue(metrics, 'nodejs_heap_space_size_total_bytes', `space="${space}"`))}`,
    )
    .join(', ');
  const heapTotal = metricValue(metrics, 'nodejs_heap_size_total_bytes');
  const external = metricValue(metrics, 'nodejs_external_memory_bytes');
  console.log(
    `${label}: RSS ${(rssKb / 1024).toFixed(1)} MB (threads ${readdirSync(`/proc/${server.pid}/task`).length}); V8 heap used ${mb(metricValue(metrics, 'nodejs_heap_size_used_bytes'))} of ${mb(heapTotal)} MB committed (used/committed: ${spaces}); external ${mb(external)} MB; the rest (code, malloc, stacks) ${mb(rssKb * 1024 - heapTotal - external)} MB; timers ${metricValue(metrics, 'nodejs_active_resources', 'type="Timeout"')}`,
  );
  printMappings(server.pid);
}

/** The process's resident memory by kind of mapping (/proc/<pid>/smaps): the V8 heap is anonymous too. */
function printMappings(pid: number): void {
  const groups = new Map<string, { rssKb: number; count: number }>();
  let current = '';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      const name = header[1];
      current = name === '' ? 'anonymous' : name.startsWith('/') ? 'files' : name;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (!rss) continue;
    const kb = Number(rss[1]);
    // Anonymous mappings by size class: glibc's per-thread arenas are 64 MB reservations.
    const group = groups.get(current) ?? { rssKb: 0, count: 0 };
    group.rssKb += kb;
    group.count += 1;
    groups.set(current, group);
  }
  console.log(
    `  mappings: ${[...groups.entries()]
      .sort((a, b) => b[1].rssKb - a[1].rssKb)
      .map(([name, group]) => `${name} ${(group.rssKb / 1024).toFixed(1)} MB (${group.count})`)
      .join(', ')}`,
  );
}

async function takeSnapshot(server: ServerProcess, directory: string): Promise<void> {
  const before = readdirSync(directory).length;
  process.kill(server.pid, 'SIGUSR2');
  // Written synchronously by the server; wait until the file appears and stops growing.
  for (let waited = 0; waited < 120_000; waited += 500) {
    await sleep(500);
    const files = readdirSync(directory).filter((name) => name.endsWith('.heapsnapshot'));
    if (files.length > before) {
      const newest = path.join(directory, files.sort().at(-1) as string);
      const size = statSync(newest).size;
      await sleep(1000);
      if (existsSync(newest) && statSync(newest).size === size && size > 0) return;
    }
  }
  throw new Error('no heap snapshot written');
}

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per (type, constructor name) of a snapshot's nodes. */
function aggregate(file: string): Map<string, { size: number; count: number }> {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const types = heap.snapshot.meta.node_types[0];
  const totals = new Map<string, { size: number; count: number }>();
  for (let at = 0; at < heap.nodes.length; at += width) {
    const type = types[heap.nodes[at + typeAt]];
    const rawName = heap.strings[heap.nodes[at + nameAt]] ?? '';
    // Strings and code are grouped by type only: their "names" are their contents.
    const name = type === 'object' || type === 'closure' || type === 'native' ? rawName.slice(0, 60) : '';
    const key = `${type} ${name}`;
    const entry = totals.get(key) ?? { size: 0, count: 0 };
    entry.size += heap.nodes[at + sizeAt];
    entry.count += 1;
    totals.set(key, entry);
  }
  return totals;
}

function printGrowth(idleFile: string, loadedFile: string): void {
  const idle = aggregate(idleFile);
  const loaded = aggregate(loadedFile);
  const total = (map: Map<string, { size: number }>) => [...map.values()].reduce((sum, e) => sum + e.size, 0);
  console.log(
    `heap snapshot: ${(total(idle) / 2 ** 20).toFixed(1)} MB live at idle, ${(total(loaded) / 2 ** 20).toFixed(1)} MB after load`,
  );
  const rows = [...loaded.entries()]
    .map(([key, entry]) => {
      const before = idle.get(key) ?? { size: 0, count: 0 };
      return {
        key,
        size: entry.size,
        grew: entry.size - before.size,
        count: entry.count,
        countGrew: entry.count - before.count,
      };
    })
    .sort((a, b) => b.grew - a.grew);
  console.log('grew most (self size after load, growth, count growth):');
  for (const row of rows.slice(0, 25))
    console.log(
      `  ${row.key.padEnd(62)} ${(row.size / 1024).toFixed(0).padStart(7)} kB  +${(row.grew / 1024).toFixed(0).padStart(6)} kB  +${row.countGrew}`,
    );
  console.log('largest after load:');
  for (const row of [...rows].sort((a, b) => b.size - a.size).slice(0, 25))
    console.log(`  ${row.key.padEnd(62)} ${(row.size / 1024).toFixed(0).padStart(7)} kB  ${row.count}`);
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`heapAfterLoad failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
