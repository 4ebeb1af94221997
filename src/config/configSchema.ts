import { z } from 'zod';
import { durationListSchema, durationSchema } from './duration';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Trimmed; blank values never reach here (see withoutEmptySettings). */
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const timeZone = z
  .string()
  .default('UTC')
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin');

/** Every environment variable the assistant reads; `.env.example` documents each one. */
const settingsSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    // Unset: loopback while there is no app id (development mode), every interface once there is one.
    HOST: optionalString,
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalString,
    // botbuilder's own setting: where channel token signing keys are published (a sovereign cloud, a test).
    ToBotFromChannelOpenIdMetadataUrl: optionalString.pipe(z.string().url().optional()),
    // Opens the unauthenticated development mode of /api/messages (no app id) beyond this machine.
    ALLOW_UNAUTHENTICATED_MESSAGES: z
      .enum(['true', 'false'])
      .default('false')
      .transform((value) => value === 'true'),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .url()
        .refine((url) => /^rediss?:\/\//.test(url), 'must start with redis:// or rediss://')
        .optional(),
    ),
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]+$/, 'may hold only letters, digits, ":", "_" and "-"')
      .default('fpp'),
    REDIS_COMMAND_TIMEOUT_MS: positiveInt(2000),
    STATE_TTL_SECONDS: positiveInt(60 * 60 * 24 * 30),
    DEFAULT_TIME_ZONE: timeZone,
    CONTENT_FILE: optionalString,
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    MAX_BODY_BYTES: positiveInt(256 * 1024),
    // Turns processed at once; more wait their turn (src/server/TurnAdmission.ts). A turn gives its
    // slot up while it posts replies to the channel, so a slot is held for CPU and Redis time only.
    MAX_CONCURRENT_TURNS: positiveInt(16),
    SHUTDOWN_GRACE_MS: positiveInt(10000),
    // The support widget and its Direct Line channel (src/channels).
    WIDGET_USER_TOKEN_SECRET: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters (it signs HS256 user tokens)').optional(),
    ),
    WIDGET_FRAME_ANCESTORS: z
      .string()
      .trim()
      .regex(/^[^;,]+$/, 'must be CSP frame-ancestors sources separated by spaces')
      .default("'self'"),
    DIRECTLINE_SECRET: optionalString,
    DIRECTLINE_DOMAIN: z
      .string()
      .url()
      .refine((url) => url.startsWith('https://'), 'must be an https:// URL')
      .default('https://directline.botframework.com/v3/directline'),
    DIRECTLINE_IDLE_TTL_SECONDS: positiveInt(60 * 60 * 24),
    // Hand-off to a person and the agent API (src/services/handoff, src/bot/handoff, src/server/support).
    AGENT_JWT_SECRET: optionalString.pipe(
      z.string().min(32, 'must be at least 32 characters (it signs HS256 agent tokens)').optional(),
    ),
    HANDOFF_ACCEPT_TIMEOUT_SECONDS: positiveInt(300),
    TRANSCRIPT_MAX_ENTRIES: positiveInt(200),
    TRANSCRIPT_TTL_SECONDS: positiveInt(60 * 60 * 24 * 30),
    // Reliability and abuse (src/services/resilience).
    STORAGE_BREAKER_RESET_MS: positiveInt(2000),
    RATE_LIMIT_POINTS: positiveInt(60),
    RATE_LIMIT_DURATION_SECONDS: positiveInt(60),
    // Per client address (src/server/security): messages and Direct Line posts; new conversations.
    CLIENT_RATE_LIMIT_POINTS: positiveInt(300),
    CLIENT_RATE_LIMIT_DURATION_SECONDS: positiveInt(60),
    CONVERSATION_START_LIMIT_POINTS: positiveInt(30),
    CONVERSATION_START_LIMIT_DURATION_SECONDS: positiveInt(600),
    // Activities one Direct Line conversation may post per window (typing and events included).
    DIRECTLINE_ACTIVITY_LIMIT_POINTS: positiveInt(120),
    DIRECTLINE_ACTIVITY_LIMIT_DURATION_SECONDS: positiveInt(60),
    // Reverse proxies in front of the bot whose X-Forwarded-For entry is trusted (0: none).
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    // Dispute notifications and deadline reminders (src/services/notifications, src/services/reminders).
    NOTIFICATION_ATTEMPTS: positiveInt(8),
    NOTIFICATION_BACKOFF_MS: positiveInt(2000),
    REMINDERS_BEFORE_DEADLINE: durationListSchema('2d,1d'),
    REMINDER_AFTER_RECOMMENDATION: durationSchema('1d'),
    REMINDER_RECOMMENDATION_REPEAT: durationSchema('1d'),
    REMINDER_RECOMMENDATION_MAX: z.coerce.number().int().min(0).default(3),
    // What the support team sees (src/services/metrics, src/services/analytics).
    METRICS_TOKEN: optionalString.pipe(
      z.string().min(16, 'must be at least 16 characters (a bearer token for /metrics)').optional(),
    ),
    METRICS_WITHOUT_TOKEN: z.enum(['loopback', 'private', 'off']).default('loopback'),
    ANALYTICS_RETENTION_DAYS: positiveInt(90),
    ANALYTICS_MAX_EVENTS_PER_DAY: positiveInt(100000),
    NOT_UNDERSTOOD_RETENTION_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    // Read by the OpenTelemetry exporter itself (with the other OTEL_EXPORTER_OTLP_* variables).
    OTEL_EXPORTER_OTLP_ENDPOINT: optionalString.pipe(z.string().url().optional()),
  })
  .superRefine((config, ctx) => {
    for (const problem of credentialProblems(config)) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [problem.variable], message: problem.message });
    }
  });

/** Without an app id nothing authenticates callers, so the bot listens on this machine only. */
function defaultHost(appId: string | undefined): string {
  return appId ? '0.0.0.0' : '127.0.0.1';
}

/** The names of every variable the assistant reads. */
export const configVariables = Object.keys(settingsSchema.innerType().shape);

/**
 * An empty (or blank) value means "not set", for every variable, as botbuilder's own settings and the
 * Bot Framework samples' `.env` (which ships `MicrosoftAppType=` empty) expect: the default applies.
 */
function withoutEmptySettings(env: unknown): unknown {
  if (typeof env !== 'object' || env === null) return env;
  return Object.fromEntries(
    Object.entries(env).filter(([, value]) => !(typeof value === 'string' && value.trim() === '')),
  );
}

export const configSchema = z.preprocess(
  withoutEmptySettings,
  settingsSchema.transform((config) => ({
    ...config,
    HOST: config.HOST ?? defaultHost(config.MicrosoftAppId),
  })),
);

/**
 * Rules between the Bot Framework credentials. Exported so a raw environment can be checked too:
 * zod skips object refinements while any field is invalid, and every bad variable should be named at once.
 */
export function credentialProblems(
  env: Partial<Record<string, unknown>>,
): Array<{ variable: string; message: string }> {
  const problems: Array<{ variable: string; message: string }> = [];
  const text = (variable: string) =>
    typeof env[variable] === 'string' ? (env[variable] as string).trim() : '';
  const appId = text('MicrosoftAppId');
  const appType = text('MicrosoftAppType') || 'MultiTenant';
  if (appId && !text('MicrosoftAppPassword') && appType !== 'UserAssignedMSI') {
    problems.push({ variable: 'MicrosoftAppPassword', message: 'is required when MicrosoftAppId is set' });
  }
  if (appId && appType === 'SingleTenant' && !text('MicrosoftAppTenantId')) {
    problems.push({ variable: 'MicrosoftAppTenantId', message: 'is required for a SingleTenant app' });
  }
  return problems;
}

export type AppConfig = z.infer<typeof configSchema>;
