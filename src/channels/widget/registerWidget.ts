import type { Server } from 'restify';
import type { AppConfig } from '../../config/configSchema';
import type { Logger } from '../../services/logging/logger';
import { registerWidgetRoutes } from './registerWidgetRoutes';

/** The support-widget page and its token endpoint, configured from the environment. */
export function registerWidget(server: Server, config: AppConfig, logger: Logger): void {
  registerWidgetRoutes(server, {
    logger,
    frameAncestors: config.WIDGET_FRAME_ANCESTORS,
    userTokenSecret: config.WIDGET_USER_TOKEN_SECRET,
    directLine: { secret: config.DIRECTLINE_SECRET, domain: config.DIRECTLINE_DOMAIN },
  });
}
