import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  TurnContext,
} from 'botbuilder';
import restify, { Request, Response } from 'restify';
import { createLogger } from '../src/services/logging/logger';
import { createRedisClient } from '../src/services/persistence/redis/createRedisClient';
import { RedisStorage } from '../src/services/persistence/redis/RedisStorage';

/**
 * The baseline: the bare botbuilder echo bot on the assistant's own stack (restify with the same body
 * parsing, CloudAdapter without auth, RedisStorage, ConversationState read and written every turn).
 * Whatever the assistant costs above this is the cost of its own logic.
 */
class EchoBot extends ActivityHandler {
  private readonly turnCount;

  constructor(private readonly conversationState: ConversationState) {
    super();
    this.turnCount = conversationState.createProperty<number>('turnCount');
    this.onMessage(async (context, next) => {
      // A counter in conversation state, so every turn reads and writes state like the assistant's.
      const count = (await this.turnCount.get(context, 0)) + 1;
      await this.turnCount.set(context, count);
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((member) => member.id !== botId)) {
        await context.sendActivity('Hello and welcome!');
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await this.conversationState.load(context);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
  }
}

function main(): void {
  const logger = createLogger('warn');
  const redisUrl = process.env.REDIS_URL;
  if (!redisUrl) throw new Error('the echo baseline needs REDIS_URL');
  const redis = createRedisClient({ url: redisUrl, commandTimeoutMs: 2000 }, logger);
  const storage = new RedisStorage(redis, {
    keyPrefix: process.env.REDIS_KEY_PREFIX ?? 'echo',
    conversationTtlSeconds: 2592000,
  });
  const bot = new EchoBot(new ConversationState(storage));
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

  const server = restify.createServer({ name: 'echo-baseline', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: 262144, mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1');

  process.on('SIGTERM', () => {
    server.close(() => {
      redis.quit().finally(() => process.exit(0));
    });
  });
}

main();
