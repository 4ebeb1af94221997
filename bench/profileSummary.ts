import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample, one per sample. */
  timeDeltas?: number[];
}

export interface ProfileShare {
  name: string;
  selfPercent: number;
}

export interface ProfileSummary {
  file: string;
  durationMs: number;
  /** Self time by function (where the CPU actually was). */
  topFunctions: ProfileShare[];
  /** Self time by where the code lives: a package under node_modules, the project's own code, node itself. */
  byOrigin: ProfileShare[];
  /** Inclusive time of the project's own frames (their callees included), the cost of our logic. */
  topProjectInclusive: ProfileShare[];
}

/**
 * Reads the newest .cpuprofile in a directory (written by `node --cpu-prof`) and sums where time went.
 * `skipFirstMs` leaves out the process's first milliseconds (start-up, warm-up).
 */
export function summarizeProfile(directory: string, limit = 15, skipFirstMs = 0): ProfileSummary {
  const files = readdirSync(directory).filter((name) => name.endsWith('.cpuprofile'));
  if (files.length === 0) throw new Error(`no .cpuprofile in ${directory}`);
  const file = path.join(directory, files.sort().at(-1) as string);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  let total = 0;
  let atUs = 0;
  profile.samples.forEach((sample, index) => {
    atUs += profile.timeDeltas?.[index] ?? 0;
    if (atUs < skipFirstMs * 1000) return;
    total += 1;
    hits.set(sample, (hits.get(sample) ?? 0) + 1);
  });

  const selfByFunction = new Map<string, number>();
  const selfByOrigin = new Map<string, number>();
  for (const [id, count] of hits) {
    const node = byId.get(id);
    if (!node) continue;
    add(selfByFunction, frameName(node), count);
    add(selfByOrigin, originOf(node), count);
  }

  // Inclusive time of project frames: subtree totals first, then each frame name once per call path.
  const underNode = new Map<number, number>();
  const sumSubtree = (id: number): number => {
    const node = byId.get(id) as ProfileNode;
    const sum = (node.children ?? []).reduce((total, child) => total + sumSubtree(child), hits.get(id) ?? 0);
    underNode.set(id, sum);
    return sum;
  };
  sumSubtree(profile.nodes[0].id);
  const inclusive = new Map<string, number>();
  const walk = (id: number, onPath: Set<string>) => {
    const node = byId.get(id) as ProfileNode;
    const name = frameName(node);
    const ours = originOf(node) === 'project';
    const fresh = ours && !onPath.has(name);
    if (fresh) {
      add(inclusive, name, underNode.get(id) ?? 0);
      onPath.add(name);
    }
    for (const child of node.children ?? []) walk(child, onPath);
    if (fresh) onPath.delete(name);
  };
  walk(profile.nodes[0].id, new Set());

  const top = (counts: Map<string, number>) =>
    [...counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([name, count]) => ({ name, selfPercent: (100 * count) / total }));
  return {
    file,
    durationMs: (profile.endTime - profile.startTime) / 1000,
    topFunctions: top(selfByFunction),
    byOrigin: top(selfByOrigin),
    topProjectInclusive: top(inclusive),
  };
}

function add(counts: Map<string, number>, key: string, amount: number): void {
  counts.set(key, (counts.get(key) ?? 0) + amount);
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return `(${functionName || 'anonymous'})`;
  const short = url
    .replace(/^file:\/\//, '')
    .replace(/^.*node_modules\//, '')
    .replace(/^.*\/dist\//, '');
  return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
}

function originOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url)
    return functionName === '(garbage collector)' ? 'gc' : functionName === '(idle)' ? 'idle' : 'native/v8';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  return 'project';
}

if (require.main === module) {
  const summary = summarizeProfile(process.argv[2] ?? '.', Number(process.argv[3] ?? 20));
  console.log(JSON.stringify(summary, null, 2));
}
