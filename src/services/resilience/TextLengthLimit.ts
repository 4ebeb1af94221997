import type { Middleware, TurnContext } from 'botbuilder';
import { MAX_TEXT_CHARS } from '../../config/inputLimits';
import type { Logger } from '../logging/logger';
import { pseudonym } from '../logging/pseudonym';

/**
 * A message longer than MAX_TEXT_CHARS is not read: the user is asked, kindly, for a shorter one, and
 * nothing else happens in the turn (no dialog step, no recognizer, nothing stored). Every reader of
 * user text can then count on a bounded input.
 */
export class TextLengthLimit implements Middleware {
  constructor(private readonly logger: Logger) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { text, channelId, from } = context.activity;
    if (typeof text !== 'string' || text.length <= MAX_TEXT_CHARS) return next();
    this.logger.info(
      { event: 'text_too_long', user: pseudonym(`${channelId}:${from?.id}`), length: text.length },
      'Message over the text limit',
    );
    await context.sendActivity(
      `That message is longer than I can read at once (${MAX_TEXT_CHARS.toLocaleString('en-US')} characters at most). Could you send a shorter version, or split it into a few messages? Nothing has been lost: your dispute is as you left it.`,
    );
  }
}
