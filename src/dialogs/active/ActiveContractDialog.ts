import { DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import type { Choice } from '../../services/replies/choice';
import type { CaseSummary } from '../../services/handoff/caseSummary';
import { summaryLines } from '../../services/handoff/caseSummary';
import { HandoffWording } from '../../services/handoff/handoffWording';
import { extractAnswerPolarity } from '../../services/nlu/entities/answerPolarity';
import { extractMoney } from '../../services/nlu/extractMoney';
import { CancelAndHelpDialog } from '../CancelAndHelpDialog';
import type { FlowDependencies } from '../FlowDependencies';
import type { EligibilityOutcome } from '../EligibilityDialog';
import { ChannelChoicePrompt } from '../prompts/ChannelChoicePrompt';
import { AmountPrompt } from '../prompts/AmountPrompt';
import { askChoiceSlot } from '../prompts/askChoiceSlot';
import { NonEmptyTextPrompt } from '../prompts/NonEmptyTextPrompt';
import { slotTag } from '../policy/SlotName';
import { say } from '../../services/content/responses';
import { sendReply } from '../sendReply';

export const ACTIVE_CONTRACT_DIALOG = 'activeContractDialog';
const ACTIVE_WATERFALL = 'activeContractWaterfall';
const CHOICE_PROMPT = 'activeContractChoicePrompt';
const TEXT_PROMPT = 'activeContractTextPrompt';
const AMOUNT_PROMPT = 'activeContractAmountPrompt';

/** Given when the eligibility questions already established a delivered, unreleased milestone. */
export interface ActiveContractOptions {
  deliveryConfirmed?: boolean;
}

const NOTHING =
  /^(none|no|nothing|n\/a|na|-|nothing yet|(none|nothing) so far|not a word|they went (quiet|silent)|silence|no answer)\.?$/i;

const YES_NO: Choice[] = [
  {
    value: 'yes',
    title: say('choice.yes'),
    synonyms: ['yep', 'yeah', 'correct', 'i did', 'it was', 'right'],
  },
  { value: 'no', title: say('choice.no'), synonyms: ['nope', 'nah', 'not yet', 'not really'] },
];

const HANDOFF_CHOICES: Choice[] = [
  {
    value: 'handoff',
    title: say('active.choice.handoff'),
    synonyms: ['yes', 'yep', 'please', 'pass it on', 'go ahead'],
  },
  { value: 'later', title: say('active.choice.later'), synonyms: ['no', 'later', 'not yet', 'nope'] },
];

interface CaseValues {
  milestone?: string;
  delivered?: string;
}

/**
 * An unreleased milestone on an active contract (facts P1, P6, P7): the route is Customer Support,
 * so the assistant establishes the facts a support agent needs (which milestone, the amount, when and
 * how it was delivered, what the client said), shows the case summary and offers the hand-off.
 */
export class ActiveContractDialog extends CancelAndHelpDialog {
  /** The case summary's labels, worded as the hand-off words them for the agent. */
  private readonly handoffWording: HandoffWording;

  constructor(deps: FlowDependencies) {
    super(ACTIVE_CONTRACT_DIALOG, deps);
    this.handoffWording = new HandoffWording(deps.content);
    this.addDialog(new ChannelChoicePrompt(CHOICE_PROMPT, deps.renderer));
    this.addDialog(new NonEmptyTextPrompt(TEXT_PROMPT));
    this.addDialog(new AmountPrompt(AMOUNT_PROMPT));
    this.addDialog(
      new WaterfallDialog(ACTIVE_WATERFALL, [
        this.introStep.bind(this),
        this.milestoneStep.bind(this),
        this.amountStep.bind(this),
        this.deliveredStep.bind(this),
        this.clientStep.bind(this),
        this.summaryStep.bind(this),
        this.handoffStep.bind(this),
      ]),
    );
    this.initialDialogId = ACTIVE_WATERFALL;
  }

  protected override readonly route = 'active' as const;

  protected helpText(): string {
    return say('active.help', this.deps.content.values);
  }

  private async introStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { content } = this.deps;
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('active.introTitle', content.values),
      lines: [content.fact('P7'), content.fact('P6')],
    });
    if ((step.options as ActiveContractOptions | undefined)?.deliveryConfirmed) return step.next(YES_NO[0]);
    // "I delivered it last week" in any earlier message answers this already.
    if ((await this.deps.slots.get(step.context)).delivered === true) {
      await step.context.sendActivity(say('active.deliveredFromEarlier', content.values));
      return step.next(YES_NO[0]);
    }
    return askChoiceSlot(
      step,
      CHOICE_PROMPT,
      { slot: 'delivered', wording: 'active.askDelivered', choices: YES_NO },
      content.values,
    );
  }

  private async milestoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as Choice).value !== 'yes') {
      await sendReply(step.context, this.deps.renderer, {
        kind: 'info',
        title: say('active.notCoveredTitle', this.deps.content.values),
        lines: [this.deps.content.fact('P1'), this.deps.content.fact('P2')],
      });
      const outcome: EligibilityOutcome = { covered: false };
      return step.endDialog(outcome);
    }
    const known = (await this.deps.slots.get(step.context)).milestone;
    if (known) {
      await step.context.sendActivity(
        say('active.milestoneFromEarlier', this.deps.content.values, { milestone: known }),
      );
      return step.next(known);
    }
    return step.prompt(TEXT_PROMPT, {
      ...slotTag('milestone'),
      prompt: say('active.askMilestone.prompt', this.deps.content.values),
    });
  }

  private async amountStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const milestone = (step.result as string).trim();
    // "I don't know" is no milestone's name: said so, and the case goes on without it.
    if (extractAnswerPolarity(milestone) === 'dont_know')
      await step.context.sendActivity(say('active.milestoneUnknown', this.deps.content.values));
    else valuesOf(step).milestone = milestone;
    const known = (await this.deps.slots.get(step.context)).amount;
    if (known) {
      await step.context.sendActivity(
        say('active.amountFromEarlier', this.deps.content.values, {
          amount: `${known.value} ${known.currency}`,
        }),
      );
      return step.next(undefined);
    }
    return step.prompt(AMOUNT_PROMPT, {
      ...slotTag('amount'),
      prompt: say('active.askAmount.prompt', this.deps.content.values),
    });
  }

  private async deliveredStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const money = typeof step.result === 'string' ? extractMoney(step.result) : undefined;
    if (money)
      await this.deps.slots.update(step.context, {
        amount: { value: money.amount, currency: money.currency },
      });
    const deliveryWords = (await this.deps.slots.get(step.context)).deliveryWords;
    if (deliveryWords) return step.next(deliveryWords);
    return step.prompt(TEXT_PROMPT, {
      ...slotTag('delivery_details'),
      prompt: say('active.askDelivery.prompt', this.deps.content.values),
    });
  }

  private async clientStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    valuesOf(step).delivered = (step.result as string).trim();
    return step.prompt(TEXT_PROMPT, {
      ...slotTag('client_said'),
      prompt: say('active.askClient.prompt', this.deps.content.values),
    });
  }

  private async summaryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as string).trim();
    const { amount } = await this.deps.slots.get(step.context);
    const { values } = this.deps.content;
    const summary = summaryOf(
      step,
      NOTHING.test(answer) ? say('active.clientSilent', values) : answer,
      amount,
    );
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('active.summaryTitle', values),
      lines: [...summaryLines(summary, this.handoffWording), say('active.summaryNote', values)],
    });
    (step.values as { summary?: CaseSummary }).summary = summary;
    return askChoiceSlot(
      step,
      CHOICE_PROMPT,
      { slot: 'handoff_offer', wording: 'active.askHandoff', choices: HANDOFF_CHOICES },
      values,
    );
  }

  private async handoffStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const summary = (step.values as { summary: CaseSummary }).summary;
    if ((step.result as Choice).value !== 'handoff') {
      await step.context.sendActivity(say('active.notSent', this.deps.content.values));
      return step.endDialog();
    }
    if (this.deps.handoff) await this.deps.handoff.start(step.context, summary);
    else await step.context.sendActivity(this.deps.content.fact('P7'));
    return step.endDialog();
  }
}

function valuesOf(step: WaterfallStepContext): CaseValues {
  return step.values as CaseValues;
}

function summaryOf(
  step: WaterfallStepContext,
  clientSaid: string,
  amount: CaseSummary['amount'],
): CaseSummary {
  const { milestone, delivered } = valuesOf(step);
  return { reason: 'active_contract', milestone, amount, delivered, clientSaid };
}
