import type { TurnContext } from 'botbuilder';
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
  runTurn: (context: TurnContext) => Promise<void>;
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The local Direct Line channel when the bot runs without a Microsoft app id (development, tests, a
 * single self-hosted site). With an app id production uses Azure's Direct Line (DIRECTLINE_SECRET).
 */
export function createLocalDirectLine(setup: LocalDirectLineSetup): LocalDirectLine | undefined {
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
  return new LocalDirectLine({
    log,
    runTurn: setup.runTurn,
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
}

/** Serves the channel's Direct Line routes (tokens, conversations, the user's activities). */
export function registerLocalDirectLine(
  server: Server,
  directLine: LocalDirectLine,
  config: AppConfig,
  logger: Logger,
): void {
  registerDirectLineRoutes(server, { directLine, logger, userTokenSecret: config.WIDGET_USER_TOKEN_SECRET });
}
