import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../services/replies/choice';
import { CancelAndHelpDialog } from './CancelAndHelpDialog';
import type { FlowDependencies } from './FlowDependencies';
import { ChannelChoicePrompt } from './prompts/ChannelChoicePrompt';
import { lowerFirst } from './sentenceCase';
import { askChoiceSlot, type ChoiceQuestion } from './prompts/askChoiceSlot';
import { say } from '../services/content/responses';
import { sendReply } from './sendReply';

export const ELIGIBILITY_DIALOG = 'eligibilityDialog';
const ELIGIBILITY_WATERFALL = 'eligibilityWaterfall';
const CHOICE_PROMPT = 'eligibilityChoicePrompt';

/** Where the eligibility questions lead: one of the two covered paths, or not covered. */
export type EligibilityOutcome =
  { covered: true; path: 'ended' | 'active'; waitForRequest?: boolean } | { covered: false };

const YES_NO: Choice[] = [
  {
    value: 'yes',
    title: say('choice.yes'),
    synonyms: ['yep', 'yeah', 'correct', 'right', 'it is', 'there is', 'i did', 'they did'],
  },
  {
    value: 'no',
    title: say('choice.no'),
    synonyms: ['nope', 'nah', 'not really', 'there is not', 'they did not'],
  },
];

const CONTRACT_TYPES: Choice[] = [
  {
    value: 'fixed',
    title: say('eligibility.choice.fixed'),
    synonyms: ['fixed', 'fixed price', 'milestones', 'milestone'],
  },
  { value: 'hourly', title: say('eligibility.choice.hourly'), synonyms: ['hourly', 'per hour', 'hours'] },
];

const CONTRACT_STATES: Choice[] = [
  {
    value: 'ended',
    title: say('eligibility.choice.ended'),
    synonyms: ['ended', 'closed', 'finished', 'terminated'],
  },
  {
    value: 'active',
    title: say('eligibility.choice.active'),
    synonyms: ['active', 'open', 'ongoing', 'still running'],
  },
];

/** The few questions that place a freelancer's situation against the two covered cases (fact P1). */
export class EligibilityDialog extends CancelAndHelpDialog {
  constructor(deps: FlowDependencies) {
    super(ELIGIBILITY_DIALOG, deps);
    this.addDialog(new ChannelChoicePrompt(CHOICE_PROMPT, deps.renderer));
    this.addDialog(
      new WaterfallDialog(ELIGIBILITY_WATERFALL, [
        this.contractTypeStep.bind(this),
        this.contractStateStep.bind(this),
        this.moneyQuestionStep.bind(this),
        this.refundOrDeliveryStep.bind(this),
        this.outcomeStep.bind(this),
      ]),
    );
    this.initialDialogId = ELIGIBILITY_WATERFALL;
  }

  protected override readonly route = 'eligibility' as const;

  protected helpText(): string {
    return say('eligibility.help', this.deps.content.values);
  }

  private async contractTypeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // What is covered comes first: the questions then make sense, and a general question is answered.
    await step.context.sendActivity(this.deps.content.fact('P1'));
    // A slot given in an earlier message is not asked again.
    const known = (await this.deps.slots.get(step.context)).contractType;
    if (known) return step.next({ value: known, title: known });
    return this.ask(step, {
      slot: 'contract_type',
      wording: 'eligibility.askContractType',
      choices: CONTRACT_TYPES,
    });
  }

  private async contractStateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as Choice).value === 'hourly') return this.notCovered(step, 'hourly');
    const known = (await this.deps.slots.get(step.context)).contractState;
    if (known) return step.next({ value: known, title: known });
    return this.ask(step, {
      slot: 'contract_state',
      wording: 'eligibility.askContractState',
      choices: CONTRACT_STATES,
    });
  }

  private async moneyQuestionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    answers(step).contract = (step.result as Choice).value;
    const ended = answers(step).contract === 'ended';
    const known = await this.deps.slots.get(step.context);
    if (!ended && known.delivered === true) return step.next(YES_NO[0]);
    if (ended && known.escrowFunded !== undefined)
      return step.next(known.escrowFunded ? YES_NO[0] : YES_NO[1]);
    const question = ended
      ? ({ slot: 'escrow', wording: 'eligibility.askEscrow' } as const)
      : ({ slot: 'delivered', wording: 'eligibility.askDelivered' } as const);
    return this.ask(step, { ...question, choices: YES_NO });
  }

  private async refundOrDeliveryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const yes = (step.result as Choice).value === 'yes';
    if (!yes)
      return this.notCovered(step, answers(step).contract === 'ended' ? 'no_escrow' : 'no_unpaid_milestone');
    if (answers(step).contract === 'active') return this.covered(step, 'active');
    const refundRequested = (await this.deps.slots.get(step.context)).refundRequested;
    if (refundRequested !== undefined) return step.next(refundRequested ? YES_NO[0] : YES_NO[1]);
    return this.ask(step, { slot: 'refund_request', wording: 'eligibility.askRefund', choices: YES_NO });
  }

  private ask(step: WaterfallStepContext, question: ChoiceQuestion): Promise<DialogTurnResult> {
    return askChoiceSlot(step, CHOICE_PROMPT, question, this.deps.content.values);
  }

  private async outcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const refundRequested = (step.result as Choice).value === 'yes';
    if (!refundRequested) {
      const { content } = this.deps;
      await sendReply(step.context, this.deps.renderer, {
        kind: 'info',
        title: say('eligibility.waitTitle', content.values),
        lines: [
          content.fact('P1'),
          content.fact('P2'),
          say('eligibility.waitDeadline', content.values, { deadline: lowerFirst(content.fact('P3')) }),
          say('eligibility.waitComeBack', content.values),
        ],
      });
      const outcome: EligibilityOutcome = { covered: true, path: 'ended', waitForRequest: true };
      return step.endDialog(outcome);
    }
    return this.covered(step, 'ended');
  }

  private async covered(step: WaterfallStepContext, path: 'ended' | 'active'): Promise<DialogTurnResult> {
    await step.context.sendActivity(say(`eligibility.covered.${path}`, this.deps.content.values));
    const outcome: EligibilityOutcome = { covered: true, path };
    return step.endDialog(outcome);
  }

  private async notCovered(
    step: WaterfallStepContext,
    reason: 'hourly' | 'no_escrow' | 'no_unpaid_milestone',
  ): Promise<DialogTurnResult> {
    const { content } = this.deps;
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('eligibility.notCoveredTitle', content.values),
      lines: [
        say(`eligibility.notCovered.${reason}`, content.values),
        content.fact('P1'),
        content.fact('P2'),
        say('eligibility.notCoveredPointer', content.values),
      ],
    });
    const outcome: EligibilityOutcome = { covered: false };
    return step.endDialog(outcome);
  }
}

interface EligibilityAnswers {
  contract?: string;
}

function answers(step: WaterfallStepContext): EligibilityAnswers {
  return step.values as EligibilityAnswers;
}
