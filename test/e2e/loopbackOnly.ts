import type { BrowserContext } from 'playwright-core';

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Lets the pages of `context` reach loopback only: a client that fetches fonts or scripts from a CDN
 * (the Agents Playground does) gets those requests refused here, and the test must pass without them.
 * Returns the addresses that were refused.
 */
export async function keepToLoopback(context: BrowserContext): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK_HOSTS.has(url.hostname);
    if (local) return route.continue();
    refused.push(url.origin);
    return route.abort('blockedbyclient');
  });
  return refused;
}
