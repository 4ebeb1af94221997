import { Activity, TurnContext } from 'botbuilder';
import {
  Choice as DialogChoice,
  Prompt,
  PromptOptions,
  PromptRecognizerResult,
  PromptValidator,
} from 'botbuilder-dialogs';
import { Choice } from '../../services/replies/choice';
import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';
import { recognizeChoice } from '../recognizeChoice';
import { sendReply } from '../sendReply';

/**
 * Asks the user to pick one of `options.choices` (our `Choice[]`) in the form the channel renders
 * (card buttons, suggested actions, or numbered text) and accepts a button press, a typed number or
 * ordinal, or the words of a title. The dialog result is the picked `Choice`.
 */
export class ChannelChoicePrompt extends Prompt<Choice> {
  /** `renderer` draws the question for the turn's channel (the bot's renderer, given by the dialogs' deps). */
  constructor(
    dialogId: string,
    private readonly renderer: ReplyRenderer,
    validator?: PromptValidator<Choice>,
  ) {
    super(dialogId, validator);
    if (!renderer) throw new Error('ChannelChoicePrompt needs a renderer');
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const question = isRetry && options.retryPrompt !== undefined ? options.retryPrompt : options.prompt;
    await sendReply(context, this.renderer, {
      kind: 'choices',
      text: promptText(question),
      choices: choicesFrom(options),
    });
  }

  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<Choice>> {
    const picked = recognizeChoice(context.activity, choicesFrom(options));
    return picked ? { succeeded: true, value: picked } : { succeeded: false };
  }
}

function promptText(prompt: string | Partial<Activity> | undefined): string {
  if (prompt === undefined) {
    return '';
  }
  return typeof prompt === 'string' ? prompt : (prompt.text ?? '');
}

/**
 * PromptOptions types its choices as botbuilder's own; ours add `title`. Plain strings and botbuilder
 * choices are accepted too, titled by their button title or value, so a caller cannot break rendering.
 */
function choicesFrom(options: PromptOptions): Choice[] {
  return (options.choices ?? []).map((choice) =>
    typeof choice === 'string' ? { value: choice, title: choice } : toChoice(choice),
  );
}

function toChoice(choice: DialogChoice & { title?: unknown }): Choice {
  const title = typeof choice.title === 'string' ? choice.title : (choice.action?.title ?? choice.value);
  return { value: choice.value, title, synonyms: choice.synonyms };
}
