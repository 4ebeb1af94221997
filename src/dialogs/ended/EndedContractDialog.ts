import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { DialogTurnResult, TextPrompt, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { infoMessage } from '../../bot/rendering/infoMessage';
import { ownerIdOf } from '../../bot/userIdentity';
import {
  computeDeadline,
  Deadline,
  formatDeadline,
  formatTimeLeft,
  formatUserDate,
  ArrivalResolution,
  resolveArrivalDate,
  userClockFrom,
  UserClock,
} from '../../services/time';
import { CancelAndHelpDialog, deepestActive } from '../CancelAndHelpDialog';
import { recordOutcome } from '../recordOutcome';
import type { DialogDependencies } from '../DialogDependencies';
import { CHECKLIST_DIALOG, ChecklistDialog } from './ChecklistDialog';
import { CLAIM_DIALOG, ClaimDialog } from './ClaimDialog';
import type { ClaimDraft } from './claimDraft';
import { capitalize } from '../sentenceCase';

export const ENDED_CONTRACT_DIALOG = 'endedContractDialog';
const ENDED_WATERFALL = 'endedContractWaterfall';
const ARRIVAL_PROMPT = 'refundRequestArrivalPrompt';

const ARRIVAL_CACHE = Symbol('arrivalResolutions');

const EXAMPLES = '"yesterday", "last Friday", "Nov 20", "3 days ago" or "this morning"';

interface FilingValues {
  flowId: string;
  arrival?: { arrivedAt: string; precision: 'day' | 'time' };
  deadline?: string;
  deadlineText?: string;
}

/** What the ended-contract flow hands back to the main dialog. */
export type EndedContractOutcome =
  { filed: true; disputeId: string } | { filed: false; deadlinePassed: boolean };

/**
 * Filing on an ended contract: when the refund request arrived (in the user's words), the deadline
 * it sets (fact P3), the platform's steps (P4, P5), a claim the specialist can follow (P6, S2), and
 * a record of the dispute with a reference.
 */
export class EndedContractDialog extends CancelAndHelpDialog {
  constructor(deps: DialogDependencies) {
    super(ENDED_CONTRACT_DIALOG, deps);
    this.addDialog(new TextPrompt(ARRIVAL_PROMPT, async (prompt) => this.validateArrival(prompt.context)));
    this.addDialog(new ChecklistDialog(deps));
    this.addDialog(new ClaimDialog(deps));
    this.addDialog(
      new WaterfallDialog(ENDED_WATERFALL, [
        this.askArrivalStep.bind(this),
        this.deadlineStep.bind(this),
        this.claimStep.bind(this),
        this.fileStep.bind(this),
      ]),
    );
    this.initialDialogId = ENDED_WATERFALL;
  }

  protected helpText(): string {
    return 'I need the day the client’s refund request arrived, to work out your deadline, then I walk you through the steps and help you write your claim.';
  }

  /** A date answer ("3 days ago") is the step's answer, never an interruption. */
  protected override answersCurrentStep(
    inner: Parameters<CancelAndHelpDialog['answersCurrentStep']>[0],
  ): boolean {
    if (deepestActive(inner).activeDialog?.id === ARRIVAL_PROMPT) {
      return this.arrivalOf(inner.context, inner.context.activity.text ?? '').kind === 'resolved';
    }
    return super.answersCurrentStep(inner);
  }

  /**
   * The answer is read up to three times in one turn (interruption check, prompt validation, the step);
   * date recognition is the costliest work of a turn, so it runs once per turn and text.
   */
  private arrivalOf(context: TurnContext, text: string): ArrivalResolution {
    const cache =
      (context.turnState.get(ARRIVAL_CACHE) as Map<string, ArrivalResolution> | undefined) ?? new Map();
    context.turnState.set(ARRIVAL_CACHE, cache);
    let resolution = cache.get(text);
    if (!resolution) {
      resolution = resolveArrivalDate(text, this.clockOf(context));
      cache.set(text, resolution);
    }
    return resolution;
  }

  private clockOf(context: TurnContext): UserClock {
    return userClockFrom(context.activity, this.deps.defaultTimeZone);
  }

  private async askArrivalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as FilingValues).flowId = randomUUID();
    await step.context.sendActivity(this.deps.content.fact('P3'));
    return step.prompt(ARRIVAL_PROMPT, {
      prompt: `When did the client's refund request arrive? You can say it in your own words, like ${EXAMPLES}.`,
    });
  }

  private async validateArrival(context: TurnContext): Promise<boolean> {
    const resolution = this.arrivalOf(context, context.activity.text ?? '');
    switch (resolution.kind) {
      case 'resolved':
        return true;
      case 'future':
        await context.sendActivity(
          `That sounds like a date still to come. When did the request arrive? For example ${EXAMPLES}.`,
        );
        return false;
      case 'vague':
        await context.sendActivity(
          resolution.reason === 'range'
            ? 'That could be more than one day. Which day exactly did it arrive? If you are unsure, give the earliest possible day: that keeps you on the safe side.'
            : 'I need the day itself to work out your deadline. Can you check the notification or message and tell me the day? If unsure, give the earliest day it could have been.',
        );
        return false;
      case 'ambiguous': {
        const [recent, earlier] = resolution.days.map((day) =>
          formatUserDate(day, 'day', this.clockOf(context).timeZone),
        );
        await context.sendActivity(
          `Do you mean ${recent}, or ${earlier} the week before? Please give the date, for example "${shortDate(resolution.days[0], this.clockOf(context).timeZone)}".`,
        );
        return false;
      }
      case 'none':
        await context.sendActivity(
          `I couldn't find a date in that. When did the request arrive? For example ${EXAMPLES}.`,
        );
        return false;
    }
  }

  private async deadlineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const clock = this.clockOf(step.context);
    const resolution = this.arrivalOf(step.context, step.result as string);
    if (resolution.kind !== 'resolved') return step.replaceDialog(ENDED_WATERFALL);
    const windowDays = this.deps.content.values.refundResponseWindowDays;
    const deadline = computeDeadline(resolution, windowDays, clock);
    const values = step.values as FilingValues;
    values.arrival = { arrivedAt: resolution.arrivedAt.toISOString(), precision: resolution.precision };
    values.deadline = deadline.deadline.toISOString();
    values.deadlineText = formatDeadline(deadline, clock.timeZone);

    if (deadline.passed) {
      await step.context.sendActivity(
        infoMessage(step.context.activity.channelId, {
          title: 'The answer window has closed',
          lines: [
            `The ${windowDays} days to answer that refund request ended on ${formatDeadline(deadline, clock.timeZone)} (${formatTimeLeft(deadline)}).`,
            this.deps.content.fact('S1'),
            'A person from support can look at what is still possible: say "talk to a person".',
          ],
        }),
      );
      recordOutcome(step.context, { kind: 'deadline_passed' });
      const outcome: EndedContractOutcome = { filed: false, deadlinePassed: true };
      return step.endDialog(outcome);
    }
    await step.context.sendActivity(this.deadlineMessage(deadline, clock.timeZone));
    recordOutcome(step.context, { kind: 'funnel', stage: 'deadline_given' });
    return step.beginDialog(CHECKLIST_DIALOG);
  }

  private deadlineMessage(deadline: Deadline, timeZone: string): string {
    const when = formatDeadline(deadline, timeZone);
    const precisionNote =
      deadline.precision === 'day'
        ? ' (at the same time of day the request arrived: answer before that day to be safe)'
        : '';
    return `Your deadline to answer the refund request: ${when}${precisionNote}. ${capitalize(formatTimeLeft(deadline))}.`;
  }

  private async claimStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(`Now let's write your claim. ${this.deps.content.fact('P6')}`);
    return step.beginDialog(CLAIM_DIALOG);
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const claim = step.result as ClaimDraft & { statement: string };
    const values = step.values as FilingValues;
    recordOutcome(step.context, { kind: 'funnel', stage: 'claim_written' });
    const { dispute } = await this.deps.disputes.fileDispute({
      ownerId: ownerIdOf(step.context.activity),
      idempotencyKey: values.flowId,
      contractKind: 'ended',
      claim,
      deadline: values.deadline,
      conversationReference: TurnContext.getConversationReference(step.context.activity),
    });
    const { content } = this.deps;
    await step.context.sendActivity(
      infoMessage(step.context.activity.channelId, {
        title: `Recorded: your reference is ${dispute.id}`,
        lines: [
          `Paste the claim above into the dispute form at step 5, and finish the steps before your deadline: ${values.deadlineText}.`,
          `What happens next: ${content.fact('P9')}`,
          content.fact('P11'),
          content.fact('P10'),
        ],
      }),
    );
    recordOutcome(
      step.context,
      { kind: 'funnel', stage: 'recorded' },
      { kind: 'flow_completed', topic: this.id },
      { kind: 'contained' },
    );
    const outcome: EndedContractOutcome = { filed: true, disputeId: dispute.id };
    return step.endDialog(outcome);
  }
}

function shortDate(day: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(day);
}
