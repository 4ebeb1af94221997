import { App, createApp } from '../../src/app';
import { loadConfig } from '../../src/config/loadConfig';
import { createLogger } from '../../src/services/logging/logger';

export interface RunningApp {
  app: App;
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts the whole bot in this process on a free port, configured from the given variables only. */
export async function startTestApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', ...env });
  const app = await createApp(config, createLogger(config.LOG_LEVEL));
  const port = await app.listen(0);
  return { app, baseUrl: `http://127.0.0.1:${port}`, stop: () => app.stop() };
}
