import { BotConversation, textOf } from '../../support/botConversation';
import { RECORD_IT, reachClaimReview, referenceIn } from '../../faults/support/filingFlow';
import { AgentApi, casePath } from '../../agent/support/agentApi';
import type { ChannelEndpoint } from '../../handoff/support/channelEndpoint';

/** A rating comment full of personal data, which must be kept masked. */
export const RATING_COMMENT =
  'Great help, thanks Maria Lopez! Reach me at maria.lopez@example.com or 555-123-4567 about FPD-7KQ2M9XH4C, $1,200';

/** Messages that end in a clarifying question and in "I can't help with that", with personal data. */
export const CLARIFIED = 'can you bake a cake for Jonathan, $45, phone 07700 900123, jo@x.org';
export const CANNOT_HANDLE = 'the weather in Paris is nice';

/** What the seeded conversations did, for the figures the dashboard must show. */
export interface SeededFigures {
  /** Seconds from queueing to the agent's accept, as the accept answered. */
  handoffWaitSeconds: number;
}

/**
 * Six conversations over the real HTTP endpoint: two resolved without a person (a question answered
 * then "thanks"; a dispute recorded), one handed to a person, accepted and closed, one that left the
 * filing flow, one greeting only (not engaged), and one with two messages the assistant did not
 * understand. Ratings: 5 (with a comment), 4 and 2.
 */
export async function seedConversations(baseUrl: string, channel: ChannelEndpoint): Promise<SeededFigures> {
  const { serviceUrl } = channel;
  const talk = (channelId = 'webchat') => {
    const conversation = new BotConversation(baseUrl, { channelId });
    return (text: string) =>
      conversation.send(text, { serviceUrl }).then((replies) => ({ replies, conversation }));
  };

  const asker = talk();
  expect(textOf((await asker('what is mediation')).replies)).toMatch(/mediation/i);
  expect(textOf((await asker('thanks')).replies)).toMatch(/how would you rate/);
  expect(textOf((await asker('5')).replies)).toMatch(/Anything you would like to tell us/);
  await asker(RATING_COMMENT);

  const filer = new BotConversation(baseUrl, { channelId: 'msteams' });
  await reachClaimReview(filer);
  const recorded = textOf(await filer.send(RECORD_IT));
  expect(referenceIn(recorded)).toBeDefined();
  expect(recorded).toMatch(/how would you rate/);
  await filer.send('4');
  await filer.send('No comment');

  const waiting = new BotConversation(baseUrl, { channelId: 'webchat' });
  await waiting.send('I want to talk to a real person', { serviceUrl });
  const agent = await AgentApi.as(baseUrl, 'agent');
  const accepted = await agent.post<{ case: { queuedAt: string; acceptedAt: string } }>(
    casePath(waiting.conversationId, '/accept'),
  );
  expect(accepted.status).toBe(200);
  const handoffWaitSeconds = Math.round(
    (Date.parse(accepted.body.case.acceptedAt) - Date.parse(accepted.body.case.queuedAt)) / 1000,
  );
  expect((await agent.post(casePath(waiting.conversationId, '/close'))).status).toBe(200);
  await channel.waitForText(waiting.conversationId, /how would you rate/);
  await waiting.send('2', { serviceUrl });

  const leaver = talk('slack');
  await leaver('my client ended the job and requested the escrow back');
  expect(textOf((await leaver('cancel')).replies)).toMatch(/Nothing was filed/);

  await talk()('hello');

  const puzzled = talk();
  // One the model half-recognises (a clarifying question), one it cannot handle.
  expect(textOf((await puzzled(CLARIFIED)).replies)).toMatch(
    /Has the contract ended, or is it still active\?/,
  );
  expect(textOf((await puzzled(CANNOT_HANDLE)).replies)).toMatch(/can't help with that/);

  return { handoffWaitSeconds };
}
