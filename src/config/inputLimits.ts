/**
 * How much of any one input the assistant reads. Every value that reaches Redis, a queue, a log or
 * a recognizer is bounded by one of these, so no single request can exhaust memory or CPU.
 */

/** A chat message longer than this gets a kind "please shorten it" instead of a turn. */
export const MAX_TEXT_CHARS = 5000;

/**
 * Conversation, user, recipient and activity ids. Direct Line and Web Chat ids are under 100
 * characters; Teams personal-chat and meeting ids run past 150 (Microsoft's own Agents SDK truncates
 * them at 150 for one channel), and Bot Framework promises only that they fit in a URL. 512 holds
 * every id the channels send with room to spare, and keeps a hostile id from becoming a huge Redis key.
 */
export const MAX_ID_CHARS = 512;

/** An id in a URL path may be percent-encoded: up to three characters for each one. */
export const MAX_ID_PATH_CHARS = MAX_ID_CHARS * 3;

/** `value` (card submits, event payloads) and `channelData`, each measured as JSON. */
export const MAX_PAYLOAD_JSON_BYTES = 16 * 1024;

/** Size of a value once serialized as JSON, in bytes (undefined counts as 0). */
export function jsonBytes(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}
