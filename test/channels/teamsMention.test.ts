import { BotConversation, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';

const BOT = { id: '28:bot-id', name: 'Dispute Assistant' };
const MENTION = '<at>Dispute Assistant</at>';

/** What Teams sends when a user writes "@Dispute Assistant <text>". */
function mentioning(text: string): [string, Record<string, unknown>] {
  return [
    `${MENTION} ${text}`,
    {
      recipient: BOT,
      from: { id: '29:user', name: 'Ana', aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
      entities: [{ type: 'mention', text: MENTION, mentioned: BOT }],
    },
  ];
}

describe('Teams: a message that @mentions the bot', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startTestApp();
  });
  afterAll(() => running.stop());

  it('is understood without the mention: "@bot 2" picks the second offered choice', async () => {
    const teams = new BotConversation(running.baseUrl, { channelId: 'msteams', userId: '29:user' });
    await teams.post({ type: 'conversationUpdate', membersAdded: [{ id: '29:user' }], recipient: BOT });
    const replies = await teams.send(...mentioning('2'));
    expect(textOf(replies)).toMatch(/refund request arrive/);
    // Teams gets its choices on the card, not as suggested actions.
    expect(replies.some((reply) => reply.suggestedActions)).toBe(false);
  });
});
