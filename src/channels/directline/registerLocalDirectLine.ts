import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../../services/logging/logger';
import { SharedRateLimiter } from '../../services/resilience/SharedRateLimiter';
import type { StateBackend } from '../../services/storage/StateBackend';
import type { ConversationLog } from './ConversationLog';
import { InMemoryConversationLog } from './InMemoryConversationLog';
import { LocalDirectLine } from './LocalDirectLine';
import { RedisConversationLog } from './RedisConversationLog';
import { registerDirectLineRoutes } from './registerDirectLineRoutes';

export interface LocalDirectLineSetup {
  config: AppConfig;
  logger: Logger;
  backend: StateBackend;
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * Serves the local Direct Line channel when the bot runs without a Microsoft app id (development,
 * tests, a single self-hosted site). With an app id the adapter demands Bot Framework tokens this
 * channel cannot mint, so production uses Azure's Direct Line (DIRECTLINE_SECRET) instead.
 */
export function registerLocalDirectLine(
  server: Server,
  setup: LocalDirectLineSetup,
): LocalDirectLine | undefined {
  const { config, logger, backend } = setup;
  if (config.MicrosoftAppId) {
    logger.info(
      { event: 'local_directline', enabled: false },
      'Local Direct Line is off: MicrosoftAppId is set',
    );
    return undefined;
  }
  const idleTtlSeconds = config.DIRECTLINE_IDLE_TTL_SECONDS;
  const log: ConversationLog = backend.redis
    ? new RedisConversationLog(backend.redis, { keyPrefix: config.REDIS_KEY_PREFIX, idleTtlSeconds })
    : new InMemoryConversationLog({ idleTtlSeconds });
  const directLine = new LocalDirectLine({
    log,
    adapter: setup.adapter,
    runTurn: setup.runTurn,
    serviceUrl: () => ownServiceUrl(server),
    idleTtlSeconds,
    logger,
    track: setup.track,
    activityLimit: new SharedRateLimiter(
      {
        points: config.DIRECTLINE_ACTIVITY_LIMIT_POINTS,
        durationSeconds: config.DIRECTLINE_ACTIVITY_LIMIT_DURATION_SECONDS,
        keyPrefix: `${config.REDIS_KEY_PREFIX}:dlactivitylimit`,
      },
      backend.redis,
      backend.guard,
    ),
  });
  registerDirectLineRoutes(server, { directLine, logger, userTokenSecret: config.WIDGET_USER_TOKEN_SECRET });
  return directLine;
}

/** This process's own address, so the adapter's replies never leave the machine. */
function ownServiceUrl(server: Server): string {
  const { address, port } = server.address();
  const wildcard = !address || address === '0.0.0.0' || address === '::';
  const host = wildcard ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}
