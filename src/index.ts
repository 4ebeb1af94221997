import { ConfigError, loadConfig } from './config/loadConfig';
import { createLogger } from './services/logging/logger';
import { warnAboutDevelopmentMode } from './server/security/developmentModeWarning';
import type { Tracing } from './services/tracing/startTracing';

async function main(): Promise<void> {
  let config;
  let tracing: Tracing | undefined;
  try {
    config = loadConfig();
    // Before the app is loaded: the ioredis instrumentation patches the module as it is required.
    // The tracing SDK is loaded only when it is used (about 5 MB of heap a process without it keeps).
    if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
      const { startOtlpTracing } = await import('./services/tracing/startTracing');
      tracing = startOtlpTracing();
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const { createApp } = await import('./app');
  const app = await createApp(config, logger);
  if (tracing) logger.info({ event: 'tracing', exporter: 'otlp' }, 'Turns are traced over OTLP');
  const port = await app.listen(config.PORT);
  logger.info(
    { event: 'listening', port, host: config.HOST, storage: app.persistence.mode },
    `Dispute assistant listening on port ${port}`,
  );
  warnAboutDevelopmentMode(config, logger);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'Shutting down');
    app
      .stop()
      .then(() => tracing?.shutdown())
      .then(
        () => process.exit(0),
        (error: Error) => {
          logger.error({ event: 'shutdown_error', error: error.message }, 'Shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: Error) => {
  process.stderr.write(`Failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
