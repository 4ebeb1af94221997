import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/** "2d", "36h", "90m", "30s", "500ms" in milliseconds; undefined for anything else. */
function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 && Number.isFinite(ms) ? Math.round(ms) : undefined;
}

const DURATION_HINT = 'a duration such as 2d, 36h, 90m, 30s or 500ms';

/** An empty string in .env means "not set", as elsewhere in the configuration. */
const textOr = (fallback: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().default(fallback),
  );

/** One duration from configuration. */
export const durationSchema = (fallback: string) =>
  textOr(fallback).transform((text, ctx) => {
    const ms = parseDuration(text);
    if (ms === undefined) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `must be ${DURATION_HINT}` });
      return z.NEVER;
    }
    return ms;
  });

/** A comma-separated list of durations ("2d,1d"), or "none" for an empty list. */
export const durationListSchema = (fallback: string) =>
  textOr(fallback).transform((text, ctx) => {
    if (text.trim() === 'none') return [];
    const parts = text.split(',').map((part) => part.trim());
    const values = parts.map(parseDuration);
    if (values.some((ms) => ms === undefined)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: `must list ${DURATION_HINT}, comma-separated, or say none`,
      });
      return z.NEVER;
    }
    return values as number[];
  });
