import { CloudAdapter, ConversationState, UserState } from 'botbuilder';
import type { Server } from 'restify';
import { createAdapter } from './bot/createAdapter';
import { DisputeBot } from './bot/DisputeBot';
import type { AppConfig } from './config/configSchema';
import type { Choice } from './bot/rendering/choice';
import { MainDialog } from './dialogs/MainDialog';
import { OfferedChoices } from './dialogs/OfferedChoices';
import { sendWelcome } from './dialogs/welcome';
import { PolicyContent } from './services/content/PolicyContent';
import { IntentRecognizer } from './services/nlu/IntentRecognizer';
import { DisputeService } from './services/disputes/DisputeService';
import { InMemoryDisputeStore } from './services/disputes/InMemoryDisputeStore';
import { RedisDisputeStore } from './services/disputes/RedisDisputeStore';
import { warmUpDateRecognizer } from './services/time';
import { ProactiveMessenger } from './services/notifications/ProactiveMessenger';
import type { Logger } from './services/logging/logger';
import { createStateBackend, StateBackend } from './services/storage/StateBackend';
import { createServer } from './server/createServer';
import { InFlightTurns } from './server/InFlightTurns';

export interface App {
  server: Server;
  backend: StateBackend;
  /** Services other parts (agent API, scheduler, tests) reach the bot's users and data through. */
  services: {
    adapter: CloudAdapter;
    messenger: ProactiveMessenger;
    disputes: DisputeService;
    conversationState: ConversationState;
    userState: UserState;
  };
  /** Listens and resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets turns in flight finish (bounded), then closes storage. */
  stop(): Promise<void>;
}

/** The composition root: builds every part from the validated configuration. */
export async function createApp(config: AppConfig, logger: Logger): Promise<App> {
  const backend = createStateBackend(config, logger);
  const adapter = createAdapter(config, logger);
  const conversationState = new ConversationState(backend.storage);
  const userState = new UserState(backend.storage);
  const content = PolicyContent.load(config.CONTENT_FILE);
  const intents = await IntentRecognizer.train();
  warmUpDateRecognizer();
  const disputes = new DisputeService({
    store: backend.redis
      ? new RedisDisputeStore(backend.redis, config.REDIS_KEY_PREFIX)
      : new InMemoryDisputeStore(),
    reportError: (error, where) =>
      logger.error(
        { event: 'dispute_service_error', where, error: (error as Error).message },
        'Dispute service error',
      ),
  });
  const offered = new OfferedChoices(conversationState.createProperty<Choice[]>('offeredChoices'));
  const mainDialog = new MainDialog(
    { intents, content, disputes, defaultTimeZone: config.DEFAULT_TIME_ZONE },
    offered,
  );
  const bot = new DisputeBot(conversationState, userState, mainDialog, (context) =>
    sendWelcome(context, offered),
  );
  const inFlight = new InFlightTurns();
  const server = createServer({
    adapter,
    bot,
    logger,
    isReady: backend.isReady,
    maxBodyBytes: config.MAX_BODY_BYTES,
    inFlight,
  });

  const messenger = new ProactiveMessenger(adapter, config.MicrosoftAppId ?? '');

  return {
    server,
    backend,
    services: { adapter, messenger, disputes, conversationState, userState },
    listen: (port, host = config.HOST) =>
      new Promise<number>((resolve) => {
        server.listen(port, host, () => resolve(server.address().port));
      }),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await inFlight.drained(config.SHUTDOWN_GRACE_MS);
      if (!drained)
        logger.warn({ event: 'shutdown_timeout', inFlight: inFlight.size }, 'Turns still running at exit');
      await backend.close();
    },
  };
}
