/** A Direct Line request refused; status and code follow what the Direct Line service answers. */
export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 502,
    readonly code: 'BadArgument' | 'TokenInvalid' | 'BadConversation' | 'BotError',
    message: string,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }
}
