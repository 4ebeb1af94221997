import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../../services/replies/choice';
import { CancelAndHelpDialog } from '../CancelAndHelpDialog';
import type { FlowDependencies } from '../FlowDependencies';
import { ChannelChoicePrompt } from '../prompts/ChannelChoicePrompt';
import { slotTag } from '../policy/SlotName';
import { say } from '../../services/content/responses';
import { sendReply } from '../sendReply';

export const CHECKLIST_DIALOG = 'filingChecklistDialog';
const CHECKLIST_WATERFALL = 'filingChecklistWaterfall';
const NAVIGATION_PROMPT = 'filingChecklistPrompt';

interface ChecklistPosition {
  index: number;
}

const NEXT: Choice = {
  value: 'next',
  title: say('checklist.choice.next'),
  synonyms: ['next step', 'ok', 'done', 'continue'],
};
const BACK: Choice = {
  value: 'back',
  title: say('checklist.choice.back'),
  synonyms: ['previous', 'go back'],
};
const ALL: Choice = {
  value: 'all',
  title: say('checklist.choice.all'),
  synonyms: ['all steps', 'show all steps', 'list'],
};
const CLAIM: Choice = {
  value: 'claim',
  title: say('checklist.choice.claim'),
  synonyms: ['claim', 'write the claim'],
};

/** The platform's filing steps (facts P4, P5) walked one at a time, at the user's pace. */
export class ChecklistDialog extends CancelAndHelpDialog {
  constructor(deps: FlowDependencies) {
    super(CHECKLIST_DIALOG, deps);
    this.addDialog(new ChannelChoicePrompt(NAVIGATION_PROMPT, deps.renderer));
    this.addDialog(
      new WaterfallDialog(CHECKLIST_WATERFALL, [this.showStep.bind(this), this.moveStep.bind(this)]),
    );
    this.initialDialogId = CHECKLIST_WATERFALL;
  }

  protected helpText(): string {
    return say('checklist.help', this.deps.content.values);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = positionOf(step);
    const steps = this.deps.content.lines('P4');
    await sendReply(step.context, this.deps.renderer, {
      kind: 'checklist',
      title: say('checklist.title', this.deps.content.values),
      steps,
      current: index + 1,
    });
    if (index === 0) await step.context.sendActivity(this.deps.content.fact('P5'));
    const last = index === steps.length - 1;
    return step.prompt(NAVIGATION_PROMPT, {
      ...slotTag('navigation'),
      prompt: say(last ? 'checklist.lastStep' : 'checklist.readyForNext', this.deps.content.values),
      retryPrompt: say('checklist.retry', this.deps.content.values),
      choices: [...(last ? [] : [NEXT]), ...(index > 0 ? [BACK] : []), ALL, CLAIM],
    });
  }

  private async moveStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const index = positionOf(step);
    const steps = this.deps.content.lines('P4');
    switch ((step.result as Choice).value) {
      case 'next':
        return step.replaceDialog(CHECKLIST_WATERFALL, { index: Math.min(index + 1, steps.length - 1) });
      case 'back':
        return step.replaceDialog(CHECKLIST_WATERFALL, { index: Math.max(index - 1, 0) });
      case 'all':
        await sendReply(step.context, this.deps.renderer, {
          kind: 'checklist',
          title: say('checklist.title', this.deps.content.values),
          steps,
          current: 'all',
        });
        return step.endDialog();
      default:
        return step.endDialog();
    }
  }
}

function positionOf(step: WaterfallStepContext): number {
  return (step.options as Partial<ChecklistPosition> | undefined)?.index ?? 0;
}
