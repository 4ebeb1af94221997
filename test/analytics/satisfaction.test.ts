import { BotConversation, ReplyActivity, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';
import { AGENT_SECRET, AgentApi } from '../agent/support/agentApi';
import type { DashboardReport } from '../../src/services/analytics/dashboardFigures';

const ASKED = /how would you rate this conversation/;

function surveyQuestion(replies: ReplyActivity[]): ReplyActivity | undefined {
  return replies.find((reply) => ASKED.test(reply.text ?? ''));
}

describe('the satisfaction question', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
  });
  afterAll(async () => {
    await running?.stop();
  });

  it.each([
    ['webchat', 'suggested actions'],
    ['msteams', 'card buttons'],
    ['slack', 'numbered text'],
  ])('on %s comes at the end of an answered question, as %s, and takes the rating', async (channelId) => {
    const user = new BotConversation(running.baseUrl, { channelId });
    await user.send('who pays for arbitration');
    const question = surveyQuestion(await user.send('thanks'));
    expect(question).toBeDefined();
    const buttons = question?.suggestedActions?.actions.map((action) => action.title) ?? [];
    const card = JSON.stringify(question?.attachments ?? []);
    if (channelId === 'webchat') expect(buttons).toEqual(['Poor', 'Fair', 'Good', 'Very good', 'Excellent']);
    if (channelId === 'msteams') expect(card).toContain('Very good');
    if (channelId === 'slack') {
      expect(question?.attachments ?? []).toHaveLength(0);
      expect(question?.text).toMatch(/1\. Poor[\s\S]*4\. Very good[\s\S]*5\. Excellent/);
    }
    expect(textOf(await user.send('4'))).toMatch(/Anything you would like to tell us/);
    expect(textOf(await user.send('No comment'))).toMatch(/Thank you for the rating/);
  });

  it('is not asked when nothing was asked for, and a user who ignores it is not asked again', async () => {
    const greeter = new BotConversation(running.baseUrl);
    await greeter.send('hello');
    expect(surveyQuestion(await greeter.send('thanks'))).toBeUndefined();

    const ignorer = new BotConversation(running.baseUrl);
    await ignorer.send('what is mediation');
    expect(surveyQuestion(await ignorer.send('thanks'))).toBeDefined();
    // Not an answer: handled as a question, and the survey is over for this conversation.
    expect(textOf(await ignorer.send('who pays for arbitration'))).toMatch(/arbitration/i);
    expect(surveyQuestion(await ignorer.send('goodbye'))).toBeUndefined();
  });

  it('counts the ratings in the supervisor figures', async () => {
    const fresh = await startTestApp({ AGENT_JWT_SECRET: AGENT_SECRET });
    try {
      for (const rating of ['5', 'three']) {
        const user = new BotConversation(fresh.baseUrl, { channelId: 'slack' });
        await user.send('what is mediation');
        await user.send('bye');
        await user.send(rating);
      }
      const supervisor = await AgentApi.as(fresh.baseUrl, 'supervisor');
      const { body } = await supervisor.get<DashboardReport>('/api/agent/analytics');
      expect(body.totals.csat).toEqual({
        responses: 2,
        average: 4,
        distribution: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 1 },
      });
    } finally {
      await fresh.stop();
    }
  });
});
