import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';
import { expectedDeadline } from './expectedDeadline';

const TIME_ZONE = 'America/New_York';

/** The number a numbered-text reply gives `title` ("2. Dispute on an ended contract" gives "2"). */
function numberOf(replies: ReplyActivity[], title: string): string {
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const line = new RegExp(`^(\\d+)\\. ${escaped}$`, 'm').exec(textOf(replies));
  if (!line) throw new Error(`no numbered choice "${title}" in:\n${textOf(replies)}`);
  return line[1];
}

function withoutButtons(replies: ReplyActivity[]): boolean {
  return replies.every((reply) => (reply.attachments ?? []).length === 0 && !reply.suggestedActions);
}

/**
 * The journey of the browser tests, as Slack renders it: no cards and no suggested actions, every set
 * of choices as numbered lines in the text, answered by typing the number.
 */
describe("the whole journey on Slack's rendering, over the HTTP endpoint", () => {
  let running: RunningApp;
  let channel: ChannelEndpoint;

  beforeAll(async () => {
    [running, channel] = await Promise.all([startTestApp(), ChannelEndpoint.start()]);
  });

  afterAll(async () => {
    await running?.stop();
    await channel?.stop();
  });

  it('welcomes, takes typed numbers and a date in words, records the dispute, and delivers a proactive message', async () => {
    const slack = new BotConversation(running.baseUrl, { channelId: 'slack', localTimezone: TIME_ZONE });
    const from = { serviceUrl: channel.serviceUrl };
    const say = async (text: string, expected: RegExp): Promise<ReplyActivity[]> => {
      const replies = await slack.send(text, from);
      expect(textOf(replies)).toMatch(expected);
      expect(withoutButtons(replies)).toBe(true);
      return replies;
    };

    const welcome = await slack.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: slack.userId }],
      ...from,
    });
    expect(textOf(welcome)).toMatch(/dispute assistant/);
    expect(withoutButtons(welcome)).toBe(true);

    await say(numberOf(welcome, 'Dispute on an ended contract'), /refund request/i);
    const deadline = await say('3 days ago', new RegExp(expectedDeadline(3, TIME_ZONE)));
    await say(numberOf(deadline, 'Write my claim'), /agree/i);
    await say('A logo and brand guide, milestone 2 of the contract', /deliver/i);
    await say('Final files on 12 November via the messages', /escrow/i);
    await say('$500', /evidence/i);
    await say('https://drive.example/final.zip', /client/i);
    const review = await say('She said thanks on 14 November, then asked for a refund', /\$500\.00/);
    expect(textOf(review)).toMatch(/https:\/\/drive\.example\/final\.zip/);

    const confirmation = await say(numberOf(review, 'Looks good, record it'), /FPD-[0-9A-Z]+/);
    const reference = /FPD-[0-9A-Z]+/.exec(textOf(confirmation))?.[0] as string;
    const dispute = await running.app.services.disputes.getById(reference);
    expect(dispute?.conversationReference?.channelId).toBe('slack');

    await running.app.services.sender.send(dispute?.conversationReference ?? {}, {
      text: `A mediation specialist has picked up ${reference} and will write to you here.`,
    });
    await channel.waitForText(slack.conversationId, new RegExp(`picked up ${reference}`));
  });
});
