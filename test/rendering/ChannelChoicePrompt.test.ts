import { Activity } from 'botbuilder';
import { WaterfallDialog, WaterfallStepContext, ComponentDialog, DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { Choice } from '../../src/services/replies/choice';
import { channelRenderer } from '../../src/bot/rendering/channelRenderer';
import { ChannelChoicePrompt } from '../../src/dialogs/prompts/ChannelChoicePrompt';
import { cardOf } from './cardOf';
import { SITUATION_CHOICES, SITUATION_QUESTION } from './sampleChoices';

const PROMPT_ID = 'situationPrompt';
const RETRY_QUESTION = 'Please pick one of the options.';

/** Asks the situation question, then tells the user what it understood. */
class SituationDialog extends ComponentDialog {
  constructor(withRetryPrompt: boolean) {
    super('situationDialog');
    this.addDialog(new ChannelChoicePrompt(PROMPT_ID, channelRenderer));
    this.initialDialogId = 'steps';
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step: WaterfallStepContext) =>
          step.prompt(PROMPT_ID, {
            prompt: SITUATION_QUESTION,
            retryPrompt: withRetryPrompt ? RETRY_QUESTION : undefined,
            choices: SITUATION_CHOICES,
          }),
        async (step: WaterfallStepContext) => {
          const picked = step.result as Choice;
          await step.context.sendActivity(`You chose: ${picked.title}`);
          return step.endDialog(picked.value);
        },
      ]),
    );
  }
}

function start(channelId: string, withRetryPrompt = true): DialogTestClient {
  return new DialogTestClient(channelId, new SituationDialog(withRetryPrompt));
}

describe('ChannelChoicePrompt', () => {
  it('on Slack numbers the choices and accepts a typed "2"', async () => {
    const client = start('slack');
    const question: Partial<Activity> = await client.sendActivity('hi');
    expect(question.text).toContain(`${SITUATION_QUESTION}\n\n1. The client ended the contract\n2. `);
    expect(question.attachments ?? []).toHaveLength(0);
    expect(question.suggestedActions).toBeUndefined();

    const answer: Partial<Activity> = await client.sendActivity('2');
    expect(answer.text).toBe('You chose: A milestone was not released');
    expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.complete);
    expect(client.dialogTurnResult.result).toBe('milestone');
  });

  // Web Chat used to get a card and suggested actions with the same buttons: each choice showed twice.
  it('on Web Chat offers each choice once, as a suggested action that posts its title', async () => {
    const client = start('webchat');
    const question: Partial<Activity> = await client.sendActivity('hi');
    expect(cardOf(question)).toBeUndefined();
    expect(question.suggestedActions?.actions.map((action) => action.value)).toEqual(
      SITUATION_CHOICES.map((choice) => choice.title),
    );

    const answer: Partial<Activity> = await client.sendActivity('A milestone was not released');
    expect(answer.text).toBe('You chose: A milestone was not released');
    expect(client.dialogTurnResult.result).toBe('milestone');
  });

  // The Teams buttons used to be messageBack submits (text + value); the Agents Playground sends
  // nothing for those, so they are plain submits now: the press arrives as a value with no text.
  it('on Teams shows card buttons only and accepts a plain card submit', async () => {
    const client = start('msteams');
    const question: Partial<Activity> = await client.sendActivity('hi');
    expect(cardOf(question)?.actions?.map((action) => action.data.choice)).toEqual([
      'ended',
      'milestone',
      'other',
    ]);
    expect(question.suggestedActions).toBeUndefined();

    const answer: Partial<Activity> = await client.sendActivity({
      type: 'message',
      value: { choice: 'other' },
    });
    expect(answer.text).toBe('You chose: Something else');
    expect(client.dialogTurnResult.result).toBe('other');
  });

  it.each(['webchat', 'msteams', 'slack'])(
    "on %s accepts the title in the user's words",
    async (channelId) => {
      const client = start(channelId);
      await client.sendActivity('hi');
      const answer: Partial<Activity> = await client.sendActivity('the client ended the contract');
      expect(answer.text).toBe('You chose: The client ended the contract');
    },
  );

  it.each(['webchat', 'msteams', 'slack'])(
    'on %s asks again with the retry prompt after nonsense',
    async (channelId) => {
      const client = start(channelId);
      await client.sendActivity('hi');
      const retry: Partial<Activity> = await client.sendActivity('banana');
      expect(retry.text).toContain(RETRY_QUESTION);
      const buttons = [
        ...(cardOf(retry)?.actions ?? []).map((action) => action.title),
        ...(retry.suggestedActions?.actions ?? []).map((action) => action.title),
      ];
      const shown = channelId === 'slack' ? (retry.text ?? '') : buttons.join('\n');
      for (const choice of SITUATION_CHOICES) {
        expect(shown).toContain(choice.title);
      }
      expect(client.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);

      const answer: Partial<Activity> = await client.sendActivity('3');
      expect(answer.text).toBe('You chose: Something else');
    },
  );

  it('repeats the same question and choices when there is no retry prompt', async () => {
    const client = start('slack', false);
    const first: Partial<Activity> = await client.sendActivity('hi');
    const again: Partial<Activity> = await client.sendActivity('4');
    expect(again.text).toBe(first.text);
  });

  it('accepts plain strings as choices, titled by themselves', async () => {
    const client = new DialogTestClient('slack', new ChannelChoicePrompt(PROMPT_ID, channelRenderer), {
      prompt: 'Continue?',
      choices: ['Yes', 'No'],
    });
    const question: Partial<Activity> = await client.sendActivity('hi');
    expect(question.text).toContain('1. Yes\n2. No');
    await client.sendActivity('no');
    expect(client.dialogTurnResult.result).toEqual({ value: 'No', title: 'No' });
  });
});
