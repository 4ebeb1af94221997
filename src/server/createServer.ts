import type { CheckedActivityAdapter } from '../bot/CheckedActivityAdapter';
import { TURN_SLOT_KEY } from '../bot/TurnSlot';
import type { ActivityHandler } from 'botbuilder';
import restify, { Request, Response, Server } from 'restify';
import type { Logger } from '../services/logging/logger';
import { pseudonym } from '../services/logging/pseudonym';
import { describeInvalidActivity } from './activitySchema';
import { InFlightTurns } from './InFlightTurns';
import { TurnAdmission } from './TurnAdmission';
import { AdapterAnswer } from './security/AdapterAnswer';
import { baselineSecurityHeaders } from './security/securityHeaders';
import { couldBeBotFrameworkToken } from './security/botTokenShape';
import { MAX_ID_PATH_CHARS } from '../config/inputLimits';
import { ownErrorBodies } from './security/ownErrorBodies';
import { refuseContentEncoding } from './security/refuseContentEncoding';
import { MESSAGING_PATH, messagingEndpointGate } from './security/messagingEndpointGate';
import type { ServiceUrlCheck } from '../services/network/serviceUrlPolicy';

export interface ServerDependencies {
  /** Takes the activity as checked here (describeInvalidActivity), without checking it again. */
  adapter: CheckedActivityAdapter;
  bot: ActivityHandler;
  logger: Logger;
  isReady: () => Promise<boolean>;
  maxBodyBytes: number;
  inFlight: InFlightTurns;
  /** Bounds how many turns are processed at once (the rest wait, in order). */
  admission: TurnAdmission;
  /** With an app id configured: requests need a Bearer token shaped like Bot Framework's (401 otherwise). */
  requireBotToken?: boolean;
  /** Without an app id: ALLOW_UNAUTHENTICATED_MESSAGES lets other machines call too (else loopback only). */
  openToEveryAddress?: boolean;
  /** Where replies and later proactive messages may go; an activity naming anywhere else is refused. */
  checkServiceUrl: ServiceUrlCheck;
}

interface ActivityEnvelope {
  type: string;
  channelId: string;
  conversation: { id: string };
}

/** The HTTP surface: the Bot Framework messaging endpoint and the probes. */
export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({
    name: 'dispute-assistant',
    handleUncaughtExceptions: false,
    // Route parameters carry channel ids (case ids are conversation ids): let the longest real ones through.
    maxParamLength: MAX_ID_PATH_CHARS,
  });
  server.pre(baselineSecurityHeaders);
  server.pre(refuseContentEncoding);
  server.on('restifyError', ownErrorBodies(deps.logger));
  server.use(
    messagingEndpointGate({
      developmentMode: !deps.requireBotToken,
      openToEveryAddress: deps.openToEveryAddress ?? false,
    }),
  );
  server.use(
    restify.plugins.bodyParser({ maxBodySize: deps.maxBodyBytes, mapParams: false, mapFiles: false }),
  );

  server.post(MESSAGING_PATH, async (req: Request, res: Response) => {
    const problem = describeInvalidActivity(req.body);
    if (problem) {
      res.send(400, { error: 'invalid_activity', message: problem });
      return;
    }
    if (deps.requireBotToken && !couldBeBotFrameworkToken(req.header('authorization'))) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const serviceUrl = (req.body as { serviceUrl?: string }).serviceUrl;
    const refusedServiceUrl = serviceUrl === undefined ? undefined : deps.checkServiceUrl(serviceUrl);
    if (refusedServiceUrl) {
      res.send(400, { error: 'service_url_not_allowed', message: refusedServiceUrl });
      return;
    }
    const activity = req.body as ActivityEnvelope;
    const started = process.hrtime.bigint();
    // A request waiting for its slot counts as in flight: shutdown waits for it too.
    await deps.inFlight.track(() =>
      deps.admission.run(async (slot) => {
        try {
          const answer = new AdapterAnswer(res);
          await deps.adapter.processChecked(req, answer.response, (context) => {
            answer.markTurnStarted();
            context.turnState.set(TURN_SLOT_KEY, slot);
            return deps.bot.run(context);
          });
          answer.sendWith(deps.logger);
        } catch (error) {
          deps.logger.error({ event: 'process_error', error: (error as Error).message }, 'Adapter failed');
          if (!res.headersSent) res.send(500, { error: 'internal_error' });
        }
      }),
    );
    // At the usual level (warn) the line is dropped: skip the pseudonym's hash and the fields.
    if (deps.logger.isLevelEnabled('info'))
      deps.logger.info(
        {
          event: 'turn',
          conversation: pseudonym(activity.conversation.id),
          channel: activity.channelId,
          activityType: activity.type,
          status: res.statusCode,
          latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'turn handled',
      );
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req: Request, res: Response) => {
    const ready = await deps.isReady();
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'storage_unreachable' });
  });

  return server;
}
