import type { Response as BotbuilderResponse } from 'botbuilder';
import type { Response } from 'restify';
import type { Logger } from '../../services/logging/logger';

/**
 * Stands in for the HTTP response while botbuilder's adapter handles a request, so what reaches the
 * caller is decided here. The adapter answers a refused or failed request with its own internal
 * text (stack-like messages, key endpoint URLs); those go to the log, and the caller gets the
 * project's short message. A request that fails before its turn starts was not authenticated (the
 * token could not be verified, e.g. the signing keys were unreachable): that is a 401, not a 500.
 */
export class AdapterAnswer {
  private status = 200;
  private body: unknown;
  private turnStarted = false;

  constructor(private readonly res: Response) {}

  /** What the adapter writes to (status, send, end, header: the shape botbuilder checks). */
  readonly response: BotbuilderResponse = {
    socket: undefined,
    status: (code: number) => {
      this.status = code;
    },
    send: (body: unknown) => {
      this.body = body;
    },
    header: (name: string, value: unknown) => this.res.header(name, String(value)),
    end: () => undefined,
  };

  /** Call from the turn's logic: from here on, a failure is the bot's, not the caller's. */
  markTurnStarted(): void {
    this.turnStarted = true;
  }

  /** Sends the adapter's answer, or the project's own in place of an error. */
  sendWith(logger: Logger): void {
    if (this.res.headersSent) return;
    const refused = this.status === 401 || this.status === 403 || (this.status >= 500 && !this.turnStarted);
    if (refused) {
      logger.warn(
        { event: 'request_unauthenticated', status: this.status, reason: textOf(this.body) },
        'Refused',
      );
      this.res.send(401, { error: 'unauthorized', message: 'The request could not be authenticated.' });
    } else if (this.status >= 500) {
      logger.error(
        { event: 'process_error', status: this.status, error: textOf(this.body) },
        'Adapter failed',
      );
      this.res.send(500, { error: 'internal_error', message: 'Something went wrong on our side.' });
    } else if (this.status >= 400) {
      logger.info({ event: 'request_refused', status: this.status, reason: textOf(this.body) }, 'Refused');
      this.res.send(this.status, { error: 'bad_request', message: 'The activity could not be handled.' });
    } else if (this.body === undefined) {
      this.res.send(this.status);
    } else {
      this.res.send(this.status, this.body);
    }
  }
}

/** The adapter's error text, cut short for the log (it never reaches the caller). */
function textOf(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? '');
  return text.slice(0, 300);
}
