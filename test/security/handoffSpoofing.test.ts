import { AGENT_SECRET, AgentApi, casePath } from '../agent/support/agentApi';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';
import { WidgetConversation } from './support/widgetConversation';

/**
 * Issue 12, finding 7: any widget user could send a `handoff.status` event "accepted": the case
 * showed as taken by a fake hub, real agents got 409, and the user was told a person had joined.
 * Status now comes only from an authenticated hub (the agent API). Runs against the built server
 * process and its own Redis; the user is on the local Direct Line, as the widget is.
 */

const JOINED = /has joined the conversation/;
let redisServer: PrivateRedis;
let bot: BotProcess;
let agent: AgentApi;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  bot = await BotProcess.start({
    REDIS_URL: redisServer.url,
    REDIS_KEY_PREFIX: 'spoof',
    AGENT_JWT_SECRET: AGENT_SECRET,
  });
  agent = await AgentApi.as(bot.baseUrl, 'agent', 'alice');
});

afterAll(async () => {
  await bot.stop();
  await redisServer.destroy();
});

it("ignores a user's handoff.status: the case still waits, nobody 'joined', and a real agent can accept", async () => {
  const user = await WidgetConversation.open(bot.baseUrl, 'visitor-hub-spoofer-0001');
  expect(await user.say('I want to talk to a real person')).toBe(200);
  await user.waitForBotText(/queue/);

  for (const state of ['accepted', 'completed', 'failed'])
    expect(await user.post({ type: 'event', name: 'handoff.status', value: { state } })).toBe(200);

  const opened = await agent.get<{ case: { status: string; agentId?: string } }>(
    casePath(user.conversationId),
  );
  expect(opened.status).toBe(200);
  expect(opened.body.case.status).toBe('waiting');
  expect(opened.body.case.agentId).toBeUndefined();
  expect((await user.botTexts()).some((text) => JOINED.test(text))).toBe(false);

  // The authenticated path still works, and its message reaches the open page in-process.
  expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(200);
  await user.waitForBotText(JOINED);
  expect(
    (await agent.post(casePath(user.conversationId, '/messages'), { text: 'Hi, I am Alice.' })).status,
  ).toBe(201);
  await user.waitForBotText(/^Hi, I am Alice\.$/);
});
