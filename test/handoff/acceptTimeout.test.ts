import { BotConversation, textOf } from '../support/botConversation';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi, casePath } from '../agent/support/agentApi';
import { ChannelEndpoint } from './support/channelEndpoint';
import { untilReady } from './support/untilReady';

const NOBODY = /Nobody from Customer Support has picked up your conversation yet/;

describe('nobody accepts in time (two bot processes sharing one Redis)', () => {
  let redis: PrivateRedis;
  let channel: ChannelEndpoint;
  let first: RunningApp;
  let second: RunningApp;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    channel = await ChannelEndpoint.start();
    const env = { REDIS_URL: redis.url, AGENT_JWT_SECRET: AGENT_SECRET, HANDOFF_ACCEPT_TIMEOUT_SECONDS: '1' };
    [first, second] = await Promise.all([startTestApp(env), startTestApp(env)]);
    await Promise.all([untilReady(first.baseUrl), untilReady(second.baseUrl)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await channel?.stop();
    await redis?.destroy();
  });

  it('the user is told once, offered what else to do, and can keep waiting for an agent', async () => {
    const user = new BotConversation(first.baseUrl, { channelId: 'webchat' });
    await user.send('I want to talk to a real person', { serviceUrl: channel.serviceUrl });

    const notice = await channel.waitForText(user.conversationId, NOBODY);
    expect(notice).toMatch(/Customer Support/);
    const delivered = channel.delivered.find((activity) => activity.text === notice);
    // Web Chat shows choices as suggested actions (no card with the same buttons any more).
    expect(JSON.stringify(delivered?.suggestedActions)).toMatch(/Keep waiting[\s\S]*Leave the queue/);
    // Both processes check four times a second; give them several rounds to send a second notice.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(channel.textsFor(user.conversationId).filter((text) => NOBODY.test(text))).toHaveLength(1);

    // The answer may reach the other process: the queue is shared.
    const onSecond = new BotConversation(second.baseUrl, {
      channelId: 'webchat',
      conversationId: user.conversationId,
    });
    expect(textOf(await onSecond.send('Keep waiting', { serviceUrl: channel.serviceUrl }))).toMatch(
      /keep your place/,
    );
    const agent = await AgentApi.as(second.baseUrl, 'agent', 'bob');
    expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(200);
    await channel.waitForText(user.conversationId, /has joined the conversation/);
  });
});
