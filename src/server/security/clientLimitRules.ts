import type { AppConfig } from '../../config/configSchema';
import type { RateLimiters } from '../../services/resilience/SharedRateLimiter';
import type { ClientLimitRule } from './ClientRateLimits';

const DIRECT_LINE_POST = /^\/v3\/directline\/conversations\/[^/]+\/activities\/?$/;
const CONVERSATION_START = /^\/v3\/directline\/(?:tokens\/generate|conversations)\/?$/;

/**
 * The per-address limits: messages (the messaging endpoint when it takes unauthenticated callers,
 * and Direct Line posts) share one budget; opening conversations (a token, then the conversation)
 * has a smaller one. With an app id, /api/messages callers are Microsoft's connectors, shared by
 * every user of a channel, so only the per-user limit applies there.
 */
export function clientLimitRules(config: AppConfig, rateLimiters: RateLimiters): ClientLimitRule[] {
  const messages = rateLimiters('clientlimit:messages', {
    points: config.CLIENT_RATE_LIMIT_POINTS,
    durationSeconds: config.CLIENT_RATE_LIMIT_DURATION_SECONDS,
  });
  const starts = rateLimiters('clientlimit:starts', {
    points: config.CONVERSATION_START_LIMIT_POINTS,
    durationSeconds: config.CONVERSATION_START_LIMIT_DURATION_SECONDS,
  });
  const unauthenticatedMessages = !config.MicrosoftAppId;
  return [
    {
      name: 'messages',
      applies: (method, path) => unauthenticatedMessages && method === 'POST' && path === '/api/messages',
      limiter: messages,
      refusal: (seconds) => ({
        error: 'too_many_requests',
        message: `Too many messages from your address. Please wait ${seconds} seconds.`,
      }),
    },
    {
      name: 'directline posts',
      applies: (method, path) => method === 'POST' && DIRECT_LINE_POST.test(path),
      limiter: messages,
      refusal: (seconds) => directLineRefusal(`too many messages from your address; wait ${seconds} seconds`),
    },
    {
      name: 'conversation starts',
      applies: (method, path) => method === 'POST' && CONVERSATION_START.test(path),
      limiter: starts,
      refusal: (seconds) =>
        directLineRefusal(`too many new conversations from your address; wait ${seconds} seconds`),
    },
  ];
}

/** Direct Line's error shape, which Web Chat reads. */
function directLineRefusal(message: string): object {
  return { error: { code: 'TooManyRequests', message } };
}
