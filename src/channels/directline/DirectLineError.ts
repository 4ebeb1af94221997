/** A Direct Line request refused; status and code follow what the Direct Line service answers. */
export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 429 | 502,
    readonly code: 'BadArgument' | 'TokenInvalid' | 'BadConversation' | 'BotError' | 'TooManyRequests',
    message: string,
    /** With 429: when the caller may post again (the Retry-After header). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}
