import type { Request, Response } from 'restify';
import type { Logger } from '../../services/logging/logger';

/** The project's answer for each status restify itself may send (no route, bad JSON, too large...). */
const OWN_ANSWERS: Readonly<Record<number, { error: string; message: string }>> = {
  400: { error: 'bad_request', message: 'The request could not be read.' },
  404: { error: 'not_found', message: 'There is nothing here.' },
  405: { error: 'method_not_allowed', message: 'This route does not take that method.' },
  406: { error: 'not_acceptable', message: 'This route answers in JSON only.' },
  413: { error: 'payload_too_large', message: 'The request body is too large.' },
  414: { error: 'uri_too_long', message: 'The address is too long.' },
  415: { error: 'unsupported_media_type', message: 'Send the body as JSON (application/json).' },
};

/** The body parser's refusal of malformed JSON, said plainly (its own text names the parser's error). */
const NOT_JSON = { error: 'bad_request', message: 'Invalid JSON: the body could not be parsed.' };

const INTERNAL = { error: 'internal_error', message: 'Something went wrong on our side.' };

/**
 * restify answers its own errors (an unknown route, a body it cannot parse) with its internal text,
 * which can echo the request or name the parser. Registered on 'restifyError': the caller gets the
 * project's short message for the status, and the original text goes to the log.
 */
export function ownErrorBodies(logger: Logger) {
  return (req: Request, _res: Response, error: Error & { statusCode?: number }, done: () => void): void => {
    const status = error.statusCode ?? 500;
    const answer =
      error.name === 'InvalidContentError'
        ? NOT_JSON
        : (OWN_ANSWERS[status] ?? (status >= 500 ? INTERNAL : OWN_ANSWERS[400]));
    const log = status >= 500 ? logger.error.bind(logger) : logger.info.bind(logger);
    log(
      { event: 'http_error', status, route: req.getRoute()?.path, error: error.message },
      'Request refused by the HTTP layer',
    );
    Object.defineProperty(error, 'toJSON', { value: () => answer, configurable: true });
    done();
  };
}
