import type { TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../../services/logging/logger';
import type { RateLimiters } from '../../services/resilience/SharedRateLimiter';
import type { ConversationLog } from './ConversationLog';
import { LocalDirectLine } from './LocalDirectLine';
import { registerDirectLineRoutes } from './registerDirectLineRoutes';

export interface LocalDirectLineSetup {
  config: AppConfig;
  logger: Logger;
  /** Where the channel keeps its conversations, on the storage mode that runs. */
  log: ConversationLog;
  rateLimiters: RateLimiters;
  runTurn: (context: TurnContext) => Promise<void>;
  track: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The local Direct Line channel when the bot runs without a Microsoft app id (development, tests, a
 * single self-hosted site). With an app id production uses Azure's Direct Line (DIRECTLINE_SECRET).
 */
export function createLocalDirectLine(setup: LocalDirectLineSetup): LocalDirectLine | undefined {
  const { config, logger } = setup;
  if (config.MicrosoftAppId) {
    logger.info(
      { event: 'local_directline', enabled: false },
      'Local Direct Line is off: MicrosoftAppId is set',
    );
    return undefined;
  }
  return new LocalDirectLine({
    log: setup.log,
    runTurn: setup.runTurn,
    idleTtlSeconds: config.DIRECTLINE_IDLE_TTL_SECONDS,
    logger,
    track: setup.track,
    activityLimit: setup.rateLimiters('dlactivitylimit', {
      points: config.DIRECTLINE_ACTIVITY_LIMIT_POINTS,
      durationSeconds: config.DIRECTLINE_ACTIVITY_LIMIT_DURATION_SECONDS,
    }),
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
