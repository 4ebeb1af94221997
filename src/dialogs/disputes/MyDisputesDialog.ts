import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../../services/replies/choice';
import { ownerIdOf } from '../../services/disputes/ownerIdOf';
import type { ChangeOrigin } from '../../services/disputes/DisputeService';
import type { Dispute } from '../../services/disputes/schemas';
import { isOpen } from '../../services/disputes/stateMachine';
import { userClockFrom } from '../../services/time';
import { CancelAndHelpDialog } from '../CancelAndHelpDialog';
import type { FlowDependencies } from '../FlowDependencies';
import { ChannelChoicePrompt } from '../prompts/ChannelChoicePrompt';
import { disputeListLine, disputeTimeline } from './disputeSummary';
import { findDisputeId } from './findDisputeId';
import { stageGuide } from './stageGuide';
import { NonEmptyTextPrompt } from '../prompts/NonEmptyTextPrompt';
import { say } from '../../services/content/responses';
import { sendReply } from '../sendReply';

export const MY_DISPUTES_DIALOG = 'myDisputesDialog';
const LIST_WATERFALL = 'myDisputesList';
const OPEN_WATERFALL = 'myDisputesOpen';
const CHOICE_PROMPT = 'myDisputesChoice';
const DETAIL_PROMPT = 'myDisputesDetail';

const DONE: Choice = {
  value: 'done',
  title: say('disputes.choice.done'),
  synonyms: ['nothing', 'thats all', 'exit'],
};

interface OpenOptions {
  id: string;
}

/**
 * The owner's disputes: the list with stage, next step and deadline; one dispute as a timeline; adding
 * details, withdrawing (after confirmation) and turning reminders off or on. Another user's reference
 * is "not found", exactly like a reference that does not exist.
 */
export class MyDisputesDialog extends CancelAndHelpDialog {
  constructor(deps: FlowDependencies) {
    super(MY_DISPUTES_DIALOG, deps);
    this.addDialog(new ChannelChoicePrompt(CHOICE_PROMPT, deps.renderer));
    this.addDialog(new NonEmptyTextPrompt(DETAIL_PROMPT));
    this.addDialog(new WaterfallDialog(LIST_WATERFALL, [this.listStep.bind(this), this.pickStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(OPEN_WATERFALL, [
        this.showStep.bind(this),
        this.actionStep.bind(this),
        this.resultStep.bind(this),
      ]),
    );
    this.initialDialogId = LIST_WATERFALL;
  }

  protected helpText(): string {
    return say('disputes.help', this.deps.content.values);
  }

  private async listStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const typedId = findDisputeId(step.context.activity.text ?? '');
    if (typedId) return step.replaceDialog(OPEN_WATERFALL, { id: typedId } satisfies OpenOptions);

    const disputes = await this.deps.disputes.listForOwner(ownerIdOf(step.context.activity));
    const { content } = this.deps;
    if (disputes.length === 0) {
      await sendReply(step.context, this.deps.renderer, {
        kind: 'info',
        title: say('disputes.title', content.values),
        lines: [say('disputes.none', content.values), content.fact('P8')],
      });
      return step.endDialog();
    }
    const timeZone = this.timeZoneOf(step);
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('disputes.title', content.values),
      lines: [...disputes.map((dispute) => disputeListLine(dispute, content, timeZone)), content.fact('P8')],
    });
    return step.prompt(CHOICE_PROMPT, {
      prompt: say('disputes.pick.prompt', content.values),
      retryPrompt: say('disputes.pick.retry', content.values),
      choices: [
        ...disputes.map((dispute): Choice => ({ value: dispute.id, title: dispute.id })),
        DONE,
      ] as Choice[],
    });
  }

  private async pickStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = (step.result as Choice).value;
    if (picked === DONE.value) return step.endDialog();
    return step.replaceDialog(OPEN_WATERFALL, { id: picked } satisfies OpenOptions);
  }

  private async showStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const dispute = await this.ownDispute(step);
    if (!dispute) {
      await step.context.sendActivity(say('disputes.notFound', this.deps.content.values));
      return step.endDialog();
    }
    const { content } = this.deps;
    const guide = stageGuide(dispute.stage, content);
    const lines = [
      say('disputes.stage', content.values, { label: guide.label }),
      say('disputes.next', content.values, { next: guide.next }),
      ...disputeTimeline(dispute, content, this.timeZoneOf(step)),
      say(dispute.remindersEnabled ? 'disputes.reminders.on' : 'disputes.reminders.off', content.values),
    ];
    await sendReply(step.context, this.deps.renderer, { kind: 'info', title: dispute.id, lines });
    const open = isOpen(dispute.stage);
    const choices: Choice[] = [
      ...(open
        ? [
            {
              value: 'add',
              title: say('disputes.choice.add', content.values),
              synonyms: ['add evidence', 'add more', 'update'],
            },
          ]
        : []),
      ...(open
        ? [
            {
              value: 'withdraw',
              title: say('disputes.choice.withdraw', content.values),
              synonyms: ['withdraw', 'drop it'],
            },
          ]
        : []),
      dispute.remindersEnabled
        ? {
            value: 'reminders_off',
            title: say('disputes.choice.remindersOff', content.values),
            synonyms: ['stop reminders', 'no reminders'],
          }
        : {
            value: 'reminders_on',
            title: say('disputes.choice.remindersOn', content.values),
            synonyms: ['start reminders', 'remind me'],
          },
      { value: 'list', title: say('disputes.choice.list', content.values), synonyms: ['back', 'list'] },
      DONE,
    ];
    return step.prompt(CHOICE_PROMPT, {
      prompt: say('disputes.action.prompt', content.values),
      retryPrompt: say('disputes.action.retry', content.values),
      choices: choices as Choice[],
    });
  }

  private async actionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { id } = step.options as OpenOptions;
    const owner = ownerIdOf(step.context.activity);
    const action = (step.result as Choice).value;
    (step.values as { action?: string }).action = action;
    switch (action) {
      case 'add':
        return step.prompt(DETAIL_PROMPT, {
          prompt: say('disputes.add.prompt', this.deps.content.values),
        });
      case 'withdraw':
        return step.prompt(CHOICE_PROMPT, {
          prompt: say('disputes.withdraw.prompt', this.deps.content.values, { id }),
          retryPrompt: say('disputes.withdraw.retry', this.deps.content.values),
          choices: [
            {
              value: 'yes',
              title: say('disputes.choice.withdrawYes', this.deps.content.values),
              synonyms: ['yes', 'withdraw'],
            },
            {
              value: 'no',
              title: say('disputes.choice.keep', this.deps.content.values),
              synonyms: ['no', 'keep'],
            },
          ] as Choice[],
        });
      case 'reminders_off':
      case 'reminders_on': {
        const on = action === 'reminders_on';
        await this.deps.disputes.setRemindersEnabled(owner, id, on, originOf(step));
        await step.context.sendActivity(
          say(on ? 'disputes.remindersTurnedOn' : 'disputes.remindersTurnedOff', this.deps.content.values),
        );
        return step.replaceDialog(OPEN_WATERFALL, { id } satisfies OpenOptions);
      }
      case 'list':
        return step.replaceDialog(LIST_WATERFALL);
      default:
        return step.endDialog();
    }
  }

  private async resultStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { id } = step.options as OpenOptions;
    const owner = ownerIdOf(step.context.activity);
    const action = (step.values as { action?: string }).action;
    if (action === 'add') {
      await this.deps.disputes.addDetail(owner, id, step.result as string, originOf(step));
      await step.context.sendActivity(say('disputes.added', this.deps.content.values));
      return step.replaceDialog(OPEN_WATERFALL, { id } satisfies OpenOptions);
    }
    if ((step.result as Choice).value === 'yes') {
      await this.deps.disputes.withdraw(owner, id, undefined, originOf(step));
      await step.context.sendActivity(say('disputes.withdrawn', this.deps.content.values, { id }));
      return step.endDialog();
    }
    await step.context.sendActivity(say('disputes.kept', this.deps.content.values));
    return step.replaceDialog(OPEN_WATERFALL, { id } satisfies OpenOptions);
  }

  private async ownDispute(step: WaterfallStepContext): Promise<Dispute | undefined> {
    const { id } = step.options as OpenOptions;
    return this.deps.disputes.getForOwner(ownerIdOf(step.context.activity), id);
  }

  private timeZoneOf(step: WaterfallStepContext): string {
    return userClockFrom(step.context.activity, this.deps.defaultTimeZone).timeZone;
  }
}

/** This conversation: a change made here is confirmed here; from anywhere else, the owner is told. */
function originOf(step: WaterfallStepContext): ChangeOrigin {
  return { conversationId: step.context.activity.conversation.id };
}
