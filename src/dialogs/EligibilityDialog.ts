import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../services/replies/choice';
import { CancelAndHelpDialog } from './CancelAndHelpDialog';
import type { FlowDependencies } from './FlowDependencies';
import { ChannelChoicePrompt } from './prompts/ChannelChoicePrompt';
import { lowerFirst } from './sentenceCase';
import { slotTag } from './policy/SlotName';
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
    title: 'Yes',
    synonyms: ['yep', 'yeah', 'correct', 'right', 'it is', 'there is', 'i did', 'they did'],
  },
  { value: 'no', title: 'No', synonyms: ['nope', 'nah', 'not really', 'there is not', 'they did not'] },
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
    return "I'm asking a few questions to see whether Fixed-Price Protection covers your situation.";
  }

  private async contractTypeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // What is covered comes first: the questions then make sense, and a general question is answered.
    await step.context.sendActivity(this.deps.content.fact('P1'));
    // A slot given in an earlier message is not asked again.
    const known = (await this.deps.slots.get(step.context)).contractType;
    if (known) return step.next({ value: known, title: known });
    return step.prompt(CHOICE_PROMPT, {
      ...slotTag('contract_type'),
      prompt:
        'Let me check whether your situation is covered. Is it a fixed-price contract or an hourly one?',
      retryPrompt: 'Please pick one: is it paid by milestone (fixed-price) or by the hour (hourly)?',
      choices: [
        {
          value: 'fixed',
          title: 'Fixed-price',
          synonyms: ['fixed', 'fixed price', 'milestones', 'milestone'],
        },
        { value: 'hourly', title: 'Hourly', synonyms: ['hourly', 'per hour', 'hours'] },
      ] as Choice[],
    });
  }

  private async contractStateStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as Choice).value === 'hourly') return this.notCovered(step, 'hourly');
    const known = (await this.deps.slots.get(step.context)).contractState;
    if (known) return step.next({ value: known, title: known });
    return step.prompt(CHOICE_PROMPT, {
      ...slotTag('contract_state'),
      prompt: 'Has the contract ended, or is it still active?',
      retryPrompt: 'Is the contract closed now, or still running? Pick "It has ended" or "Still active".',
      choices: [
        { value: 'ended', title: 'It has ended', synonyms: ['ended', 'closed', 'finished', 'terminated'] },
        { value: 'active', title: 'Still active', synonyms: ['active', 'open', 'ongoing', 'still running'] },
      ] as Choice[],
    });
  }

  private async moneyQuestionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    answers(step).contract = (step.result as Choice).value;
    const ended = answers(step).contract === 'ended';
    const known = await this.deps.slots.get(step.context);
    if (!ended && known.delivered === true) return step.next(YES_NO[0]);
    if (ended && known.escrowFunded !== undefined)
      return step.next(known.escrowFunded ? YES_NO[0] : YES_NO[1]);
    return step.prompt(CHOICE_PROMPT, {
      ...slotTag(ended ? 'escrow' : 'delivered'),
      prompt: ended
        ? 'When the client ended it, was there still money in escrow?'
        : 'Did you deliver work for a milestone that the client has not released payment for?',
      retryPrompt: ended
        ? 'Was any money still held in escrow when the contract ended? Yes or no.'
        : 'Is there a milestone you delivered that is still unpaid? Yes or no.',
      choices: YES_NO,
    });
  }

  private async refundOrDeliveryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const yes = (step.result as Choice).value === 'yes';
    if (!yes)
      return this.notCovered(step, answers(step).contract === 'ended' ? 'no_escrow' : 'no_unpaid_milestone');
    if (answers(step).contract === 'active') return this.covered(step, 'active');
    const refundRequested = (await this.deps.slots.get(step.context)).refundRequested;
    if (refundRequested !== undefined) return step.next(refundRequested ? YES_NO[0] : YES_NO[1]);
    return step.prompt(CHOICE_PROMPT, {
      ...slotTag('refund_request'),
      prompt: 'Has the client asked for the escrow money back (a refund request)?',
      retryPrompt: 'Did the client send a request to get the escrow money back? Yes or no.',
      choices: YES_NO,
    });
  }

  private async outcomeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const refundRequested = (step.result as Choice).value === 'yes';
    if (!refundRequested) {
      const { content } = this.deps;
      await sendReply(step.context, this.deps.renderer, {
        kind: 'info',
        title: 'Your situation is covered',
        lines: [
          content.fact('P1'),
          content.fact('P2'),
          `When the client's refund request arrives, ${lowerFirst(content.fact('P3'))}`,
          'The filing steps start from that request, so come back to me as soon as it arrives.',
        ],
      });
      const outcome: EligibilityOutcome = { covered: true, path: 'ended', waitForRequest: true };
      return step.endDialog(outcome);
    }
    return this.covered(step, 'ended');
  }

  private async covered(step: WaterfallStepContext, path: 'ended' | 'active'): Promise<DialogTurnResult> {
    const which =
      path === 'ended'
        ? 'your client ended the contract with money still in escrow.'
        : 'your client is holding back a milestone payment for work you delivered.';
    await step.context.sendActivity(
      `Good news: that is one of the two situations Fixed-Price Protection covers — ${which}`,
    );
    const outcome: EligibilityOutcome = { covered: true, path };
    return step.endDialog(outcome);
  }

  private async notCovered(
    step: WaterfallStepContext,
    reason: 'hourly' | 'no_escrow' | 'no_unpaid_milestone',
  ): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const why = {
      hourly: 'Fixed-Price Protection is about fixed-price work: money in escrow and milestone payments.',
      no_escrow: 'With no money left in escrow, an ended contract is not one of the covered cases.',
      no_unpaid_milestone:
        'Without a delivered milestone that the client holds back, an active contract is not one of the covered cases.',
    }[reason];
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: 'Not covered by Fixed-Price Protection',
      lines: [
        why,
        content.fact('P1'),
        content.fact('P2'),
        'A person from support can look at your situation with you: say "talk to a person" whenever you like.',
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
