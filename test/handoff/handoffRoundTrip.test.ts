import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { PrivateRedis } from '../support/privateRedis';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi, casePath } from '../agent/support/agentApi';
import { ChannelEndpoint } from './support/channelEndpoint';
import { untilReady } from './support/untilReady';

interface HandoffEventValue {
  caseId: string;
  caseSummary: { reason: string; headline: string };
}
interface TranscriptAttachment {
  activities: Array<{ text: string; from: { role: string } }>;
}

function handoffEventIn(replies: ReplyActivity[]): ReplyActivity | undefined {
  return replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
}

describe('hand-off to a person, round trip through Redis, the agent API and the channel', () => {
  let redis: PrivateRedis;
  let running: RunningApp;
  let channel: ChannelEndpoint;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    channel = await ChannelEndpoint.start();
    running = await startTestApp({ REDIS_URL: redis.url, AGENT_JWT_SECRET: AGENT_SECRET });
    await untilReady(running.baseUrl);
  });

  afterAll(async () => {
    await running?.stop();
    await channel?.stop();
    await redis?.destroy();
  });

  it('user asks for a person, an agent takes it, they talk, mediation opens, the bot answers again', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    const say = (text: string) => user.send(text, { serviceUrl: channel.serviceUrl });
    const agent = await AgentApi.as(running.baseUrl, 'agent', 'alice');

    expect(textOf(await say('hello'))).toMatch(/dispute assistant/i);

    // 1. The hand-off event carries the case summary and the transcript so far.
    const asked = await say('I want to talk to a real person');
    const event = handoffEventIn(asked);
    expect(event).toBeDefined();
    const value = event?.value as HandoffEventValue;
    expect(value.caseId).toBe(user.conversationId);
    expect(value.caseSummary.headline).toMatch(/talk to a person/i);
    const transcript = event?.attachments?.[0];
    expect(transcript?.contentType).toBe('application/json');
    const lines = (transcript?.content as TranscriptAttachment).activities;
    expect(lines.map((line) => line.text)).toEqual(
      expect.arrayContaining(['hello', 'I want to talk to a real person']),
    );
    expect(lines.some((line) => line.from.role === 'bot' && /dispute assistant/i.test(line.text))).toBe(true);
    expect(textOf(asked)).toMatch(/in the queue/);

    // 2. The case is in the queue.
    const queue = await agent.get<{ cases: Array<{ id: string; status: string }> }>('/api/agent/queue');
    expect(queue.status).toBe(200);
    expect(queue.body.cases).toEqual([
      expect.objectContaining({ id: user.conversationId, status: 'waiting' }),
    ]);

    // 3. The agent opens and accepts it; the user is told a person joined.
    const opened = await agent.get<{ transcript: Array<{ role: string; text: string }> }>(
      casePath(user.conversationId),
    );
    expect(opened.status).toBe(200);
    expect(opened.body.transcript.map((entry) => entry.text)).toContain('I want to talk to a real person');
    expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(200);
    await channel.waitForText(user.conversationId, /person from Customer Support has joined/);

    // 4. The agent's message reaches the user's conversation.
    const sent = await agent.post(casePath(user.conversationId, '/messages'), {
      text: 'Hi, I am Alice from support.',
    });
    expect(sent.status).toBe(201);
    await channel.waitForText(user.conversationId, /^Hi, I am Alice from support\.$/);

    // 5. The user's reply reaches the agent, and the bot stays quiet.
    const reply = await say('Thanks Alice, the milestone is $400 and still not released');
    expect(reply).toEqual([]);
    const messages = await agent.get<{
      messages: Array<{ from: string; text: string; seq: number }>;
      last: number;
    }>(casePath(user.conversationId, '/messages?after=0'));
    expect(messages.body.messages.map((m) => [m.from, m.text])).toEqual([
      ['agent', 'Hi, I am Alice from support.'],
      ['user', 'Thanks Alice, the milestone is $400 and still not released'],
    ]);
    const later = await agent.get<{ messages: unknown[] }>(
      casePath(user.conversationId, `/messages?after=${messages.body.last}`),
    );
    expect(later.body.messages).toEqual([]);

    // 6. The agent opens a mediation case: the dispute is in mediation and the user is told.
    const mediation = await agent.post<{ dispute: { id: string; stage: string } }>(
      casePath(user.conversationId, '/mediation'),
      { note: 'Milestone delivered, client silent.' },
    );
    expect(mediation.status).toBe(200);
    expect(mediation.body.dispute.stage).toBe('in_mediation');
    const disputeId = mediation.body.dispute.id;
    const stored = await running.app.services.disputes.getById(disputeId);
    expect(stored).toMatchObject({
      stage: 'in_mediation',
      contractKind: 'active',
      ownerId: `webchat:${user.userId}`,
    });
    expect(stored?.history.at(-1)).toMatchObject({
      to: 'in_mediation',
      actor: { role: 'agent', id: 'alice' },
    });
    const told = new RegExp(`opened a case with a mediation specialist\\. Your reference is ${disputeId}`);
    await channel.waitForText(user.conversationId, told);
    // Asking again opens nothing new and says nothing new.
    const again = await agent.post<{ dispute: { id: string } }>(casePath(user.conversationId, '/mediation'));
    expect(again.body.dispute.id).toBe(disputeId);
    expect(channel.textsFor(user.conversationId).filter((text) => told.test(text))).toHaveLength(1);

    // 7. Handed back: the user is told and the bot answers again.
    expect((await agent.post(casePath(user.conversationId, '/handback'))).status).toBe(200);
    await channel.waitForText(user.conversationId, /handed you back to me/);
    expect(textOf(await say('what is mediation'))).toMatch(/mediation specialist works with you/);
    const afterQueue = await agent.get<{ cases: unknown[] }>('/api/agent/queue');
    expect(afterQueue.body.cases).toEqual([]);
  });
});
