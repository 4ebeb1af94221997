import { TextFormatTypes } from 'botbuilder';
import { z } from 'zod';
import { jsonBytes, MAX_PAYLOAD_JSON_BYTES } from '../../config/inputLimits';

/** Card submits and event payloads; each activity is kept in the conversation log. */
const boundedJson = <T extends z.ZodTypeAny>(schema: T) =>
  schema.refine(
    (value) => jsonBytes(value) <= MAX_PAYLOAD_JSON_BYTES,
    `must be at most ${MAX_PAYLOAD_JSON_BYTES} bytes as JSON`,
  );

/**
 * What a page may set on an activity it posts. Everything that decides where the activity goes or
 * who sent it (from, recipient, conversation, serviceUrl, channelId, deliveryMode) is set by the
 * channel instead, so a page can neither pose as someone else nor redirect the bot's replies.
 */
export const postedActivitySchema = z.object({
  type: z.enum(['message', 'event', 'typing']),
  text: z.string().max(10000).optional(),
  textFormat: z.nativeEnum(TextFormatTypes).optional(),
  value: boundedJson(z.unknown()).optional(),
  name: z.string().max(200).optional(),
  locale: z.string().max(20).optional(),
  localTimezone: z.string().max(64).optional(),
  localTimestamp: z.string().max(40).pipe(z.coerce.date()).optional(),
  attachments: z
    .array(
      z
        .object({ contentType: z.string().max(200), contentUrl: z.string().max(2000).optional() })
        .passthrough(),
    )
    .max(10)
    .optional(),
  entities: z
    .array(z.object({ type: z.string().max(100) }).passthrough())
    .max(20)
    .optional(),
  channelData: boundedJson(z.record(z.unknown())).optional(),
});

export type PostedActivity = z.infer<typeof postedActivitySchema>;

/** The first problem with a posted activity, worded for the developer who sent it. */
export function describePostedActivityProblem(body: unknown): string | undefined {
  const parsed = postedActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return `${issue.path.join('.') || 'activity'}: ${issue.message}`;
}
