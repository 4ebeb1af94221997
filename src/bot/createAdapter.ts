import { ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import type { AppConfig } from '../config/configSchema';
import type { Logger } from '../services/logging/logger';
import { pseudonym } from '../services/logging/pseudonym';
import { turnApology } from '../services/resilience/turnApology';
import { CheckedActivityAdapter } from './CheckedActivityAdapter';
import { ReusedClientsAuthentication } from './ReusedClientsAuthentication';

/**
 * The CloudAdapter, authenticated from the validated configuration: with no app id any caller is
 * accepted (local development, the Emulator); with one, every request needs a Bot Framework JWT.
 */
export function createAdapter(config: AppConfig, logger: Logger): CheckedActivityAdapter {
  const authOptions: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    ...(config.ToBotFromChannelOpenIdMetadataUrl
      ? { ToBotFromChannelOpenIdMetadataUrl: config.ToBotFromChannelOpenIdMetadataUrl }
      : {}),
  };
  const adapter = new CheckedActivityAdapter(new ReusedClientsAuthentication(authOptions));
  adapter.onTurnError = turnErrorHandler(logger);
  return adapter;
}

/** What every adapter does with an error a turn did not handle: log it, and apologize to the user. */
export function turnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context: TurnContext, error: Error) => {
    logger.error(
      {
        event: 'turn_error',
        conversation: pseudonym(context.activity.conversation?.id),
        error: error.message,
        errorName: error.name,
      },
      'Unhandled error in a turn',
    );
    await context.sendActivity(turnApology(error)).catch(() => undefined);
  };
}
