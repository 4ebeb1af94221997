import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../../services/logging/logger';

/**
 * Says at start, where an operator reads it, that POST /api/messages authenticates nobody when no
 * app id is set: a warning for the loopback-only development mode, an error-level line when
 * ALLOW_UNAUTHENTICATED_MESSAGES opens it to other machines.
 */
export function warnAboutDevelopmentMode(
  config: Pick<AppConfig, 'MicrosoftAppId' | 'ALLOW_UNAUTHENTICATED_MESSAGES' | 'HOST'>,
  logger: Logger,
): void {
  if (config.MicrosoftAppId) return;
  const fields = { event: 'unauthenticated_messages', host: config.HOST };
  if (config.ALLOW_UNAUTHENTICATED_MESSAGES) {
    logger.error(
      { ...fields, openToEveryAddress: true },
      'DANGER: POST /api/messages is UNAUTHENTICATED and open to every address (ALLOW_UNAUTHENTICATED_MESSAGES=true): anyone who reaches this port can speak as any user. Never run this in production; set MicrosoftAppId.',
    );
    return;
  }
  logger.warn(
    { ...fields, openToEveryAddress: false },
    'Development mode: POST /api/messages is UNAUTHENTICATED (no MicrosoftAppId) and answers only this machine (loopback). Set MicrosoftAppId for production.',
  );
}
