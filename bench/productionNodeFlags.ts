import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The node flags `npm start` runs the assistant with (package.json's start script): the bench starts
 * its servers with the same ones, so it measures what production runs. Today these bound the heap
 * (a smaller young generation, and the old one grows by 30 % of its live size before a full GC).
 */
export function productionNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = (manifest.scripts?.start ?? '').split(/\s+/);
  if (words[0] !== 'node') return [];
  return words.slice(1).filter((word) => word.startsWith('--'));
}
