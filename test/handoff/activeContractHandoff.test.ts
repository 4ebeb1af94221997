import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi, casePath } from '../agent/support/agentApi';
import { ChannelEndpoint } from './support/channelEndpoint';

function handoffEvent(replies: ReplyActivity[]): ReplyActivity | undefined {
  return replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
}

describe('active contract: the case is established, summarised and handed to a person', () => {
  let running: RunningApp;
  let agent: AgentApi;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    agent = await AgentApi.as(running.baseUrl, 'agent', 'alice');
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('asks for the milestone, amount, delivery and the client, shows the summary and hands it over', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    const opening = textOf(
      await user.send('the contract is still active but the client wont release my milestone'),
    );
    expect(opening).toMatch(/Customer Support/);
    expect(opening).toMatch(/mediation specialist/);
    expect(opening).toMatch(/did you deliver the work for a milestone/);

    expect(textOf(await user.send('yes'))).toMatch(/Which milestone/);
    expect(textOf(await user.send('Milestone 2: landing page design'))).toMatch(/with the currency/);
    expect(textOf(await user.send('about five hundred'))).toMatch(/amount with its currency/);
    expect(textOf(await user.send('$500'))).toMatch(/When and how did you deliver it/);
    expect(textOf(await user.send('on 12 November, I uploaded the files through the milestone'))).toMatch(
      /What has the client said/,
    );
    const summary = textOf(await user.send('nothing'));
    expect(summary).toMatch(/Milestone: Milestone 2: landing page design/);
    expect(summary).toMatch(/Amount: \$500\.00/);
    expect(summary).toMatch(/Delivered: on 12 November, I uploaded the files through the milestone/);
    expect(summary).toMatch(/What the client said: Nothing since the delivery/);
    expect(summary).toMatch(/Shall I pass this to a person/);

    const handedOver = await user.send('Yes, pass it on');
    const event = handoffEvent(handedOver);
    expect(event?.value).toMatchObject({
      caseId: user.conversationId,
      caseSummary: {
        reason: 'active_contract',
        milestone: 'Milestone 2: landing page design',
        amount: { value: 500, currency: 'USD' },
        clientSaid: 'Nothing since the delivery',
      },
    });
    const transcript = (event?.attachments?.[0]?.content as { activities: Array<{ text: string }> })
      .activities;
    expect(transcript.map((line) => line.text)).toContain('$500');
    expect(textOf(handedOver)).toMatch(/in the queue/);

    const queue = await agent.get<{ cases: Array<{ id: string; headline: string }> }>('/api/agent/queue');
    expect(queue.body.cases).toContainEqual(
      expect.objectContaining({
        id: user.conversationId,
        headline: 'Unreleased milestone on an active contract: Milestone 2: landing page design ($500.00)',
      }),
    );
  });

  it('from the eligibility questions it does not ask again whether the milestone was delivered', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'slack' });
    await user.send('am I covered by fixed price protection?');
    await user.send('fixed');
    await user.send('still active');
    const reply = textOf(await user.send('yes'));
    expect(reply).toMatch(/Good news/);
    expect(reply).toMatch(/Which milestone/);
    expect(reply).not.toMatch(/did you deliver the work/);
    // Leaving this second flow for a person still hands over (the flow was begun after another one).
    expect(handoffEvent(await user.send('I want to talk to a real person'))).toBeDefined();
  });

  it('"Not now" sends nothing and queues nothing', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('my milestone is not released but the contract is active');
    for (const answer of ['yes', 'Logo', '300 EUR', 'yesterday by email', 'they said next week'])
      await user.send(answer);
    const declined = await user.send('Not now');
    expect(handoffEvent(declined)).toBeUndefined();
    expect(textOf(declined)).toMatch(/nothing was sent/);
    expect((await agent.get(casePath(user.conversationId))).status).toBe(404);
  });

  it('mid-flow, "talk to a person" hands over at once', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('the contract is still active but the client wont release my milestone');
    await user.send('yes');
    const replies = await user.send('I want to talk to a real person');
    expect(handoffEvent(replies)).toBeDefined();
  });
});

describe('waiting in the queue', () => {
  let running: RunningApp;
  let agent: AgentApi;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    agent = await AgentApi.as(running.baseUrl, 'agent', 'alice');
  });
  afterAll(async () => {
    await running?.stop();
  });

  it('a message while waiting is kept for the agent; "leave the queue" takes the user out and the bot is back', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('I want to talk to a real person');
    const waiting = textOf(await user.send('are you there? it is about my logo milestone'));
    expect(waiting).toMatch(/still in the queue/);
    const kept = await agent.get<{ messages: Array<{ from: string; text: string }> }>(
      casePath(user.conversationId, '/messages?after=0'),
    );
    expect(kept.body.messages).toEqual([
      expect.objectContaining({ from: 'user', text: 'are you there? it is about my logo milestone' }),
    ]);

    expect(textOf(await user.send('leave the queue'))).toMatch(/left the queue/);
    const queue = await agent.get<{ cases: Array<{ id: string }> }>('/api/agent/queue');
    expect(queue.body.cases.map((item) => item.id)).not.toContain(user.conversationId);
    expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(409);
    expect(textOf(await user.send('what is mediation'))).toMatch(/mediation specialist works with you/);
  });

  it('a conversation id with URL-special characters (as Teams has) works in the case routes', async () => {
    const conversationId = `19:abc-${Date.now()}@thread.skype;messageid=17/x%y`;
    const user = new BotConversation(running.baseUrl, { channelId: 'msteams', conversationId });
    await user.send('I want to talk to a real person');
    const opened = await agent.get<{ case: { id: string } }>(casePath(conversationId));
    expect(opened.status).toBe(200);
    expect(opened.body.case.id).toBe(conversationId);
    expect((await agent.post(casePath(conversationId, '/close'))).status).toBe(200);
  });

  it('"cancel" while waiting also leaves the queue', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('I want to talk to a real person');
    expect(textOf(await user.send('cancel'))).toMatch(/left the queue/);
  });

  it("a handoff.status event from the user's own channel changes nothing: only the agent API accepts", async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('I want to talk to a real person');
    const status = (state: string) => user.post({ type: 'event', name: 'handoff.status', value: { state } });
    for (const state of ['accepted', 'completed', 'failed']) expect(await status(state)).toEqual([]);
    const opened = await agent.get<{ case: { status: string } }>(casePath(user.conversationId));
    expect(opened.body.case.status).toBe('waiting');
    expect(textOf(await user.send('hello, is this a person?'))).toMatch(/still in the queue/);
    expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(200);
  });

  it('an agent message the channel refuses is answered 502, so the agent knows it did not arrive', async () => {
    const channel = await ChannelEndpoint.start();
    try {
      const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
      await user.send('I want to talk to a real person', { serviceUrl: channel.serviceUrl });
      expect((await agent.post(casePath(user.conversationId, '/accept'))).status).toBe(200);
      channel.setFailing(true);
      const refused = await agent.post(casePath(user.conversationId, '/messages'), {
        text: 'Are you there?',
      });
      expect(refused.status).toBe(502);
      expect(refused.body).toMatchObject({ error: 'delivery_failed' });
      channel.setFailing(false);
      expect(
        (await agent.post(casePath(user.conversationId, '/messages'), { text: 'Are you there?' })).status,
      ).toBe(201);
      await channel.waitForText(user.conversationId, /^Are you there\?$/);
    } finally {
      await channel.stop();
    }
  });
});
