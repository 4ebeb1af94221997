/**
 * What a log line may say about a failed job: the error's kind and HTTP status, never its message,
 * because a channel's error body can echo the message that was being sent.
 */
export function describeError(error: unknown): { errorName: string; statusCode?: number } {
  const name = error instanceof Error ? error.name : typeof error;
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? { errorName: name, statusCode: status } : { errorName: name };
}
