import { z } from 'zod';
import { jsonBytes, MAX_ID_CHARS, MAX_PAYLOAD_JSON_BYTES } from '../config/inputLimits';

/** Ids become Redis keys, queue entries and log fields: bounded (see MAX_ID_CHARS). */
const id = z.string().max(MAX_ID_CHARS, `must be at most ${MAX_ID_CHARS} characters`);
const account = z.object({ id: id.min(1, 'must not be empty') }).passthrough();

/** A card submit or event payload, or channel data: any JSON, bounded in size. */
const payload = z
  .unknown()
  .refine(
    (value) => jsonBytes(value) <= MAX_PAYLOAD_JSON_BYTES,
    `must be at most ${MAX_PAYLOAD_JSON_BYTES} bytes as JSON`,
  );

/**
 * The least an incoming activity must carry for the adapter to handle it. Anything else about it is
 * botbuilder's business; an unknown `type` is valid here and simply ignored by the bot.
 */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1, 'must not be empty'),
    channelId: z.string().min(1, 'must not be empty'),
    conversation: account,
    from: account,
    recipient: account.optional(),
    serviceUrl: z.string().optional(),
    text: z.string().optional(),
    deliveryMode: z.string().optional(),
    id: id.optional(),
    replyToId: id.optional(),
    value: payload.optional(),
    channelData: payload.optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // Replies go back to serviceUrl unless the caller asked for them in the response body.
    if (activity.deliveryMode !== 'expectReplies' && !/^https?:\/\//.test(activity.serviceUrl ?? '')) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['serviceUrl'],
        message: 'must be an http(s) URL unless deliveryMode is "expectReplies"',
      });
    }
  });

/** A short, human-readable reason why a body is not an activity, or undefined when it is one. */
export function describeInvalidActivity(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'The request body must be a JSON object (a Bot Framework activity).';
  }
  if (plainlyValid(body as Record<string, unknown>)) return undefined;
  const parsed = incomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const reasons = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'} ${explain(issue)}`);
  return `Not a valid activity: ${reasons.join('; ')}.`;
}

function explain(issue: z.ZodIssue): string {
  if (issue.code === z.ZodIssueCode.invalid_type) {
    return issue.received === 'undefined'
      ? 'is missing'
      : `must be a ${issue.expected}, not ${issue.received}`;
  }
  return issue.message;
}

/**
 * The schema's rules written out for the common case, so a well-formed activity skips zod (which
 * copies the whole object and was about 1 % of a turn's CPU). True only where the schema accepts;
 * anything unusual goes to the schema, which also words the reason.
 */
export function plainlyValid(activity: Record<string, unknown>): boolean {
  return (
    nonEmptyString(activity.type) &&
    nonEmptyString(activity.channelId) &&
    isAccount(activity.conversation) &&
    isAccount(activity.from) &&
    (activity.recipient === undefined || isAccount(activity.recipient)) &&
    optionalString(activity.serviceUrl) &&
    optionalString(activity.text) &&
    optionalString(activity.deliveryMode) &&
    optionalId(activity.id) &&
    optionalId(activity.replyToId) &&
    jsonBytes(activity.value) <= MAX_PAYLOAD_JSON_BYTES &&
    jsonBytes(activity.channelData) <= MAX_PAYLOAD_JSON_BYTES &&
    (activity.deliveryMode === 'expectReplies' ||
      /^https?:\/\//.test((activity.serviceUrl as string | undefined) ?? ''))
  );
}

function nonEmptyString(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0;
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function optionalId(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length <= MAX_ID_CHARS);
}

function isAccount(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const { id } = value as { id?: unknown };
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_CHARS;
}
