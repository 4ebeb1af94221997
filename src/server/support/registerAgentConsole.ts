import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { consoleSecurityHeaders } from '../security/securityHeaders';

const ASSETS: ReadonlyArray<[route: string, file: string, contentType: string]> = [
  ['/agent', 'index.html', 'text/html; charset=utf-8'],
  ['/agent/console.js', 'console.js', 'text/javascript; charset=utf-8'],
  ['/agent/console.css', 'console.css', 'text/css; charset=utf-8'],
  ['/agent/dashboard', 'dashboard.html', 'text/html; charset=utf-8'],
  ['/agent/dashboard.js', 'dashboard.js', 'text/javascript; charset=utf-8'],
  ['/agent/dashboard.css', 'dashboard.css', 'text/css; charset=utf-8'],
];

/** Chart.js for the supervisor dashboard, from the installed package (no CDN). */
const CHART_JS: [route: string, file: string, contentType: string] = [
  '/agent/vendor/chart.umd.min.js',
  path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
  'text/javascript; charset=utf-8',
];

/**
 * The agent console: a plain page (no framework, nothing from a CDN) where a support agent pastes a
 * token and works the queue through the agent API, and the supervisors' dashboard beside it (charts by
 * Chart.js from node_modules). The token stays in the page's memory only.
 */
export function registerAgentConsole(server: Server): void {
  const folder = consoleFolder();
  const assets = [...ASSETS.map(([route, file, type]) => [route, path.join(folder, file), type]), CHART_JS];
  for (const [route, file, contentType] of assets) {
    const body = readFileSync(file);
    server.get(route, async (_req: Request, res: Response) => {
      res.writeHead(200, {
        'content-type': contentType,
        'content-length': body.length,
        'cache-control': 'no-cache',
        ...consoleSecurityHeaders(),
      });
      res.end(body);
    });
  }
}

/** src/server/support/console, found by walking up, so tests (src/) and the built bot (dist/src/) share it. */
function consoleFolder(): string {
  for (let dir = __dirname, depth = 0; depth < 7; dir = path.dirname(dir), depth++) {
    const candidate = path.join(dir, 'src', 'server', 'support', 'console');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  throw new Error(`src/server/support/console/index.html not found above ${__dirname}`);
}
