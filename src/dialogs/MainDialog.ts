import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** Placeholder until the understanding issue lands: acknowledges each message. */
export class MainDialog extends ComponentDialog {
  constructor() {
    super(MAIN_DIALOG);
    this.addDialog(new WaterfallDialog(MAIN_WATERFALL, [this.answerStep.bind(this)]));
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(
      'I can help with Fixed-Price Protection disputes: whether your situation is covered, how to file, and what mediation means.',
    );
    return step.endDialog();
  }
}
