import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';

/**
 * After three messages in a row the assistant did not understand, it offers a person; only the user's
 * yes hands the conversation over, and the support team's figures say why it went to a person.
 */
const NONSENSE = ['blorp fizzwack quondle', 'zxqv mnbt plork', 'flibber flabber jibjab'];
const OFFER = /would you like me to pass this conversation to them/i;

function handoffEventIn(replies: ReplyActivity[]): ReplyActivity | undefined {
  return replies.find((reply) => reply.type === 'event' && reply.name === 'handoff.initiate');
}

function buttonsOf(replies: ReplyActivity[]): string[] {
  return replies.flatMap((reply) =>
    (reply.suggestedActions?.actions ?? []).map((action) => action.title ?? ''),
  );
}

describe('a person offered after repeated misunderstanding', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
  });

  afterAll(async () => {
    await running?.stop();
  });

  it('offers a person on the third nonsense message, hands over on yes, and records the reason', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send('hello');
    for (const text of NONSENSE.slice(0, 2)) {
      const replies = await user.send(text);
      expect(textOf(replies)).not.toMatch(OFFER);
    }
    const third = await user.send(NONSENSE[2]);
    expect(textOf(third)).toMatch(OFFER);
    expect(buttonsOf(third)).toContain('Talk to a person');
    // Offered, not done: no hand-off without the user's consent.
    expect(handoffEventIn(third)).toBeUndefined();

    const accepted = await user.send('yes');
    const event = handoffEventIn(accepted);
    expect((event?.value as { caseSummary: { reason: string } }).caseSummary.reason).toBe(
      'repeated_misunderstanding',
    );
    expect(textOf(accepted)).toMatch(/in the queue/);

    const supervisor = await AgentApi.as(running.baseUrl, 'supervisor');
    const deadline = Date.now() + 5000;
    let reasons: Record<string, number> = {};
    while (Date.now() < deadline && !reasons.repeated_misunderstanding) {
      const { body } = await supervisor.get<{ totals: { handoffReasons: Record<string, number> } }>(
        '/api/agent/analytics',
      );
      reasons = body.totals.handoffReasons;
      if (!reasons.repeated_misunderstanding) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(reasons).toEqual({ repeated_misunderstanding: 1 });
  });

  it('does not offer a person when an understood message breaks the run', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    await user.send(NONSENSE[0]);
    await user.send(NONSENSE[1]);
    expect(textOf(await user.send('what is mediation?'))).not.toMatch(OFFER);
    expect(textOf(await user.send(NONSENSE[2]))).not.toMatch(OFFER);
  });

  it('a user who says no to the offer is not handed over', async () => {
    const user = new BotConversation(running.baseUrl, { channelId: 'webchat' });
    for (const text of NONSENSE.slice(0, 2)) await user.send(text);
    expect(textOf(await user.send(NONSENSE[2]))).toMatch(OFFER);
    const declined = await user.send('no thanks');
    expect(handoffEventIn(declined)).toBeUndefined();
    expect(textOf(declined)).not.toMatch(/in the queue/);
  });
});
