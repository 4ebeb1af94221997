import type { Request, Response, Server } from 'restify';
import type { Logger } from '../../services/logging/logger';
import { resolveWidgetUser, WidgetIdentityError } from '../widget/widgetUser';
import { bearerToken, CONVERSATION_ID, conversationIdOfToken } from './conversationToken';
import { DirectLineError } from './DirectLineError';
import type { LocalDirectLine } from './LocalDirectLine';
import { describePostedActivityProblem, postedActivitySchema } from './postedActivity';

export interface DirectLineRouteDependencies {
  directLine: LocalDirectLine;
  logger: Logger;
  /** Verifies the user tokens host sites sign; unset = only anonymous users. */
  userTokenSecret: string | undefined;
}

const DIRECT_LINE = '/v3/directline';

/**
 * The local Direct Line routes (what the page's Web Chat calls). There is no Bot Connector route:
 * the bot's replies are written into the conversation in-process, so nobody can post "as the bot".
 * Errors use Direct Line's shape: { error: { code, message } }, 403 for a bad token, 404 for an
 * unknown or expired conversation.
 */
export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDependencies): void {
  const { directLine } = deps;
  const auth = (req: Request) => bearerToken(req.header('authorization'));

  server.post(
    `${DIRECT_LINE}/tokens/generate`,
    answer(deps, 200, async (req) => {
      const user = await resolveWidgetUser(req.body, deps.userTokenSecret);
      return directLine.issueToken(user);
    }),
  );

  server.post(
    `${DIRECT_LINE}/tokens/refresh`,
    answer(deps, 200, async (req) => {
      const token = auth(req);
      return directLine.reconnect(token, token ? (conversationIdOfToken(token) ?? '') : '');
    }),
  );

  server.post(
    `${DIRECT_LINE}/conversations`,
    answer(deps, 201, async (req) => directLine.start(auth(req))),
  );

  server.get(
    `${DIRECT_LINE}/conversations/:conversationId`,
    answer(deps, 200, async (req) => directLine.reconnect(auth(req), conversationParam(req))),
  );

  server.post(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    answer(deps, 200, async (req) => {
      const problem = describePostedActivityProblem(req.body);
      if (problem) throw new DirectLineError(400, 'BadArgument', problem);
      const id = await directLine.postFromUser(
        auth(req),
        conversationParam(req),
        postedActivitySchema.parse(req.body),
      );
      return { id };
    }),
  );

  server.get(
    `${DIRECT_LINE}/conversations/:conversationId/activities`,
    answer(deps, 200, async (req) => {
      const page = await directLine.read(auth(req), conversationParam(req), watermarkOf(req));
      return { activities: page.activities, watermark: String(page.watermark) };
    }),
  );
}

function conversationParam(req: Request): string {
  const id = String(req.params?.conversationId ?? '');
  if (!CONVERSATION_ID.test(id))
    throw new DirectLineError(404, 'BadConversation', 'there is no such conversation');
  return id;
}

function watermarkOf(req: Request): number {
  const raw = new URLSearchParams(req.getQuery()).get('watermark') ?? '';
  if (raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw))
    throw new DirectLineError(400, 'BadArgument', 'watermark must be a whole number');
  return Number(raw);
}

/** Runs a handler and maps its refusals to Direct Line's error answers; anything else is a 500. */
function answer(
  deps: DirectLineRouteDependencies,
  status: number,
  handler: (req: Request) => Promise<object>,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    try {
      const body = await handler(req);
      res.header('cache-control', 'no-store');
      res.send(status, body);
    } catch (error) {
      if (error instanceof DirectLineError) {
        if (error.retryAfterSeconds) res.header('retry-after', String(error.retryAfterSeconds));
        res.send(error.status, { error: { code: error.code, message: error.message } });
      } else if (error instanceof WidgetIdentityError) {
        res.send(error.status, { error: { code: 'BadArgument', message: error.message } });
      } else {
        deps.logger.error(
          { event: 'directline_route_failed', route: req.getRoute()?.path, error: (error as Error).message },
          'Local Direct Line route failed',
        );
        res.send(500, { error: { code: 'ServiceError', message: 'the channel failed; try again' } });
      }
    }
  };
}
