import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository's public/ folder, found by walking up from this file, so it is the same folder when
 * running from src/ (tests) and from dist/src/ (the built bot).
 */
export function publicFolder(): string {
  for (let dir = __dirname, depth = 0; depth < 6; dir = path.dirname(dir), depth++) {
    const candidate = path.join(dir, 'public');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  throw new Error('public/index.html not found above ' + __dirname);
}

/** Web Chat's UMD bundle from the npm package (its exports map hides dist/, so go via lib/). */
export function webChatBundlePath(): string {
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}
