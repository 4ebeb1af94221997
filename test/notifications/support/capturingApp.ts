import { Writable } from 'node:stream';
import { App, createApp } from '../../../src/app';
import { loadConfig } from '../../../src/config/loadConfig';
import { createLogger } from '../../../src/services/logging/logger';

export interface CapturingApp {
  app: App;
  /** Every JSON log line the app wrote, as written. */
  logLines: string[];
  stop(): Promise<void>;
}

/** The whole app in this process (not listening: proactive sends need no server), its logs kept. */
export async function startCapturingApp(env: Record<string, string>): Promise<CapturingApp> {
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env });
  const app = await createApp(config, createLogger(config.LOG_LEVEL, sink));
  await Promise.all([app.services.notifications.queue.ready(), app.services.reminders.queue.ready()]);
  return { app, logLines, stop: () => app.stop() };
}
