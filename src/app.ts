import { BotAdapter, CloudAdapter, ConversationState, Middleware, MiddlewareHandler } from 'botbuilder';
import type { Server } from 'restify';
import { cardPressAsText } from './bot/cardPressAsText';
import { createAdapter, turnErrorHandler } from './bot/createAdapter';
import { channelRenderer } from './bot/rendering/channelRenderer';
import { IN_PROCESS_SERVICE_URL, serviceUrlCheck } from './services/network/serviceUrlPolicy';
import { BOT_STATE_READ, DisputeBot } from './bot/DisputeBot';
import type { AppConfig } from './config/configSchema';
import type { Choice } from './services/replies/choice';
import { MainDialog } from './dialogs/MainDialog';
import { CONFIDENT_SCORE } from './dialogs/policy/DialoguePolicy';
import { OfferedChoices } from './dialogs/OfferedChoices';
import { KnownSlots, type SlotValues } from './dialogs/slots/KnownSlots';
import { sendWelcome } from './dialogs/welcome';
import { PolicyContent } from './services/content/PolicyContent';
import { MisunderstandingStreak } from './dialogs/MisunderstandingStreak';
import { IntentRecognizer } from './services/nlu/IntentRecognizer';
import { warmUpMoneyRecognizer } from './services/nlu/extractMoney';
import { DisputeService } from './services/disputes/DisputeService';
import { turnSafeguards } from './services/resilience/turnSafeguards';
import { EarlyReads } from './services/storage/EarlyReads';
import { FlushTurnWrites } from './services/storage/TurnWrites';
import { SnapshotConversationState } from './services/storage/snapshotChangeDetection';
import { warmUpDateRecognizer } from './services/time';
import { AdapterProactiveSender } from './bot/AdapterProactiveSender';
import {
  DisputeNotifications,
  startDisputeNotifications,
} from './services/notifications/startDisputeNotifications';
import { Reminders, startReminders } from './services/reminders/startReminders';
import type { Logger } from './services/logging/logger';
import type { Persistence } from './services/persistence/Persistence';
import { createMemoryPersistence } from './services/persistence/memory/memoryPersistence';
import { createRedisPersistence } from './services/persistence/redis/redisPersistence';
import { createServer } from './server/createServer';
import { InFlightTurns } from './server/InFlightTurns';
import { TurnAdmission } from './server/TurnAdmission';
import { clientLimitRules } from './server/security/clientLimitRules';
import { clientRateLimits } from './server/security/ClientRateLimits';
import {
  createLocalDirectLine,
  registerLocalDirectLine,
} from './channels/directline/registerLocalDirectLine';
import { registerWidget } from './channels/widget/registerWidget';
import { createHandoff } from './bot/handoff/createHandoff';
import { HandoffGate } from './bot/handoff/HandoffGate';
import type { HandoffCase } from './services/handoff/handoffCase';
import { registerAgentApi } from './server/support/registerAgentApi';
import { OperationsMetrics } from './services/metrics/OperationsMetrics';
import { TurnMetrics } from './services/metrics/TurnMetrics';
import { TurnTracing } from './bot/TurnTracing';
import { countingIntents } from './services/nlu/countingIntents';
import { registerMetricsRoute } from './server/registerMetricsRoute';
import { OutcomeRecorder } from './services/analytics/OutcomeRecorder';
import { OutcomeCollector } from './bot/OutcomeCollector';
import { askSatisfactionProactively, ProactiveTurn } from './bot/askSatisfactionProactively';
import { SatisfactionSurvey, SurveyState } from './bot/satisfaction/SatisfactionSurvey';
import { recordOutcome } from './dialogs/recordOutcome';

export interface App {
  server: Server;
  /** Every store, on Redis or in this process's memory (`mode`). */
  persistence: Persistence;
  /** Services other parts (agent API, scheduler, tests) reach the bot's users and data through. */
  services: {
    adapter: CloudAdapter;
    sender: AdapterProactiveSender;
    disputes: DisputeService;
    conversationState: ConversationState;
    /** Tells users about every change to their disputes (queue of deliveries, failed ones kept). */
    notifications: DisputeNotifications;
    /** Deadline and recommendation reminders (delayed jobs). */
    reminders: Reminders;
  };
  /** The operations metrics served at /metrics. */
  metrics: OperationsMetrics;
  /** Listens and resolves with the bound port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting, lets turns in flight finish (bounded), then closes storage. */
  stop(): Promise<void>;
}

/** The composition root: builds every part from the validated configuration. */
export async function createApp(config: AppConfig, logger: Logger): Promise<App> {
  // The one place the storage mode is chosen: every store below comes from `persistence`.
  const persistence = config.REDIS_URL
    ? createRedisPersistence({ ...config, REDIS_URL: config.REDIS_URL }, logger)
    : createMemoryPersistence(config, logger);
  const adapter = createAdapter(config, logger);
  const inFlight = new InFlightTurns();
  // Without an app id the widget's channel runs in this process, on its own adapter and the same bot.
  const localDirectLine = createLocalDirectLine({
    config,
    logger,
    log: persistence.directLineLog,
    rateLimiters: persistence.rateLimiters,
    runTurn: (context) => bot.run(context),
    track: (work) => inFlight.track(work),
  });
  const adapters: BotAdapter[] = localDirectLine ? [adapter, localDirectLine.adapter] : [adapter];
  if (localDirectLine) localDirectLine.adapter.onTurnError = turnErrorHandler(logger);
  const useEverywhere = (middleware: Middleware | MiddlewareHandler) =>
    adapters.forEach((each) => each.use(middleware));
  // Sources are read at scrape time; the parts they read are built below.
  const metrics = new OperationsMetrics({
    storageCircuitOpen: () => persistence.circuitOpen(),
    handoffCases: async () => countCases(await handoff.service.openCases()),
    jobQueues: async () => [
      { queue: 'notifications', ...(await notifications.queue.counts()) },
      { queue: 'reminders', ...(await reminders.queue.counts()) },
    ],
  });
  // Outermost, so the span and the latency cover the whole turn and an error is counted before the apology.
  useEverywhere(new TurnTracing());
  useEverywhere(new TurnMetrics(metrics));
  // The turn's reads start together first, and its leftover writes go out last (one round trip each).
  const earlyReads = new EarlyReads();
  useEverywhere(new FlushTurnWrites());
  useEverywhere(earlyReads);
  // Next, so they wrap every other middleware (dedupe, rate limit, one turn at a time, held replies).
  for (const safeguard of turnSafeguards(config, persistence, logger, earlyReads)) useEverywhere(safeguard);
  useEverywhere(cardPressAsText);
  const checkServiceUrl = serviceUrlCheck({ appIdSet: Boolean(config.MicrosoftAppId) });
  // Change detection by a JSON snapshot, not botbuilder's per-load and per-save hash (CPU).
  const conversationState = new SnapshotConversationState(persistence.storage);
  const content = PolicyContent.load(config.CONTENT_FILE);
  const intents = await IntentRecognizer.train();
  warmUpDateRecognizer();
  warmUpMoneyRecognizer();
  const disputes = new DisputeService({
    store: persistence.disputes,
    reportError: (error, where) =>
      logger.error(
        { event: 'dispute_service_error', where, error: (error as Error).message },
        'Dispute service error',
      ),
  });
  const offered = new OfferedChoices(
    conversationState.createProperty<Choice[]>('offeredChoices'),
    channelRenderer,
  );
  const slots = new KnownSlots(conversationState.createProperty<SlotValues>('knownSlots'));
  const misunderstood = new MisunderstandingStreak(
    conversationState.createProperty<number>('misunderstoodInARow'),
  );
  // Every proactive message (agents, notifications, reminders) goes through one sender that reports
  // a refused delivery, so callers can retry it or answer the agent with an error.
  const sender = new AdapterProactiveSender(
    adapter,
    config.MicrosoftAppId ?? '',
    checkServiceUrl,
    localDirectLine,
  );
  const outcomes = new OutcomeRecorder(persistence.outcomes, (error) =>
    logger.warn({ event: 'outcome_write_failed', error: (error as Error).message }, 'Outcome not recorded'),
  );
  const survey = new SatisfactionSurvey(conversationState.createProperty<SurveyState>('satisfactionSurvey'));
  const proactiveTurn: ProactiveTurn = async (reference, logic) => {
    if (reference.serviceUrl === IN_PROCESS_SERVICE_URL) {
      if (localDirectLine) await localDirectLine.adapter.continueConversation(reference, logic);
      return;
    }
    if (checkServiceUrl(reference.serviceUrl)) return;
    await adapter.continueConversationAsync(config.MicrosoftAppId ?? '', reference, logic);
  };
  const surveyDeps = { proactiveTurn, conversationState, survey, logger };
  const handoff = createHandoff(
    config,
    { store: persistence.handoffCases, transcripts: persistence.transcripts },
    {
      sender,
      renderer: channelRenderer,
      disputes,
      content,
      logger,
      onQueued: (context, summary) => {
        metrics.handoffs.inc({ reason: summary.reason });
        recordOutcome(context, { kind: 'handed_off', reason: summary.reason });
      },
      onAccepted: (accepted) => void recordAcceptWait(outcomes, accepted),
      onClosed: (closed) => void askSatisfactionProactively(surveyDeps, closed.reference),
    },
  );
  useEverywhere(handoff.recorder);
  useEverywhere(new OutcomeCollector(outcomes));
  const mainDialog = new MainDialog(
    {
      intents: countingIntents(intents, metrics, CONFIDENT_SCORE),
      content,
      disputes,
      defaultTimeZone: config.DEFAULT_TIME_ZONE,
      renderer: channelRenderer,
      handoff: handoff.starter,
    },
    offered,
    slots,
    misunderstood,
  );
  const handoffGate = new HandoffGate(handoff.service, offered);
  const bot = new DisputeBot(
    conversationState,
    mainDialog,
    (context) => sendWelcome(context, offered),
    handoffGate,
    survey,
  );
  earlyReads.addConversationRead(BOT_STATE_READ, (context) => bot.loadState(context));
  earlyReads.addConversationRead(HandoffGate.earlyRead, (context) => handoffGate.readEarly(context));
  const server = createServer({
    adapter,
    bot,
    logger,
    isReady: () => persistence.isReady(),
    maxBodyBytes: config.MAX_BODY_BYTES,
    inFlight,
    admission: new TurnAdmission(config.MAX_CONCURRENT_TURNS),
    requireBotToken: Boolean(config.MicrosoftAppId),
    openToEveryAddress: config.ALLOW_UNAUTHENTICATED_MESSAGES,
    checkServiceUrl,
  });
  server.pre(
    clientRateLimits(clientLimitRules(config, persistence.rateLimiters), config.TRUSTED_PROXY_HOPS, logger),
  );
  registerWidget(server, config, logger);
  if (localDirectLine) registerLocalDirectLine(server, localDirectLine, config, logger);

  registerAgentApi(server, {
    secret: config.AGENT_JWT_SECRET,
    handoff: handoff.service,
    disputes,
    logger,
    outcomes: persistence.outcomes,
    outcomeRetentionDays: config.ANALYTICS_RETENTION_DAYS,
  });

  registerMetricsRoute(server, {
    metrics,
    token: config.METRICS_TOKEN,
    withoutToken: config.METRICS_WITHOUT_TOKEN,
  });

  handoff.watcher.start();
  // Dispute notifications and reminders: the same queues, proactive sender and wording.
  const proactive = {
    config,
    logger,
    jobQueues: persistence.jobQueues,
    disputes,
    sender,
    renderer: channelRenderer,
    content,
  };
  const notifications = startDisputeNotifications(proactive);
  const reminders = startReminders(proactive);

  return {
    server,
    persistence,
    metrics,
    services: {
      adapter,
      sender,
      disputes,
      conversationState,
      notifications,
      reminders,
    },
    listen: (port, host = config.HOST) =>
      new Promise<number>((resolve) => {
        server.listen(port, host, () => resolve(server.address().port));
      }),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const drained = await inFlight.drained(config.SHUTDOWN_GRACE_MS);
      if (!drained)
        logger.warn({ event: 'shutdown_timeout', inFlight: inFlight.size }, 'Turns still running at exit');
      // Their workers finish the job in hand; waiting jobs stay in Redis for the next process.
      await Promise.all([reminders.stop(), notifications.stop(), handoff.watcher.stop()]);
      await persistence.close();
    },
  };
}

function countCases(cases: HandoffCase[]): { waiting: number; accepted: number } {
  return {
    waiting: cases.filter((found) => found.status === 'waiting').length,
    accepted: cases.filter((found) => found.status === 'accepted').length,
  };
}

/** How long the user waited for a person: from entering the queue until an agent accepted. */
async function recordAcceptWait(recorder: OutcomeRecorder, accepted: HandoffCase): Promise<void> {
  const waitSeconds = (Date.parse(accepted.acceptedAt ?? '') - Date.parse(accepted.queuedAt)) / 1000;
  if (!Number.isFinite(waitSeconds)) return;
  await recorder.record({ id: accepted.id, channelId: accepted.channelId }, [
    { kind: 'handoff_accepted', waitSeconds: Math.max(0, Math.round(waitSeconds)) },
  ]);
}
