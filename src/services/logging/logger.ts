import pino, { DestinationStream, Logger, LevelWithSilent } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. User text never belongs in a log line; the redaction below is a safety net
 * for fields that could carry it by mistake (an activity or an error with the activity attached).
 */
export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'dispute-assistant' },
      redact: {
        paths: [
          'text',
          '*.text',
          'activity',
          '*.activity',
          'value',
          '*.value',
          'email',
          '*.email',
          'phone',
          '*.phone',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
