import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import {
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ownerIdOf } from '../../services/disputes/ownerIdOf';
import { ArrivalResolution, formatUserDate, userClockFrom, UserClock } from '../../services/time';
import { CancelAndHelpDialog } from '../CancelAndHelpDialog';
import { deepestActive } from '../deepestActive';
import { askDayAgain, dayAnswerOf, dayChoices, takeDayAnswer } from '../dayToPick';
import type { FlowDependencies } from '../FlowDependencies';
import { slotTag, type SlotName } from '../policy/SlotName';
import { say } from '../../services/content/responses';
import type { KnownArrival } from '../slots/KnownSlots';
import { TurnUnderstanding } from '../understanding/TurnUnderstanding';
import { CHECKLIST_DIALOG, ChecklistDialog } from './ChecklistDialog';
import { CLAIM_DIALOG, ClaimDialog } from './ClaimDialog';
import type { ClaimDraft } from '../../services/disputes/claimDraft';
import { deadlineReply } from './deadlineReply';
import { recordOutcome } from '../recordOutcome';
import { sendReply } from '../sendReply';

export const ENDED_CONTRACT_DIALOG = 'endedContractDialog';
const ENDED_WATERFALL = 'endedContractWaterfall';
const ARRIVAL_PROMPT = 'refundRequestArrivalPrompt';
/** The day picked this turn in answer to "which of the two days?" (read again by deadlineStep). */
const PICKED_ARRIVAL = Symbol('pickedArrival');

const EXAMPLES = say('ended.arrivalExamples');

interface FilingValues {
  flowId: string;
}

/** What the ended-contract flow hands back to the main dialog. */
export type EndedContractOutcome =
  | { filed: true; disputeId: string }
  | { filed: false; deadlinePassed: boolean }
  | { covered: true; path: 'ended'; waitForRequest: true };

/**
 * Filing on an ended contract: when the refund request arrived (in the user's words, in this or any
 * earlier message), the deadline it sets (fact P3), the platform's steps (P4, P5), a claim the
 * specialist can follow (P6, S2), and a record of the dispute with a reference.
 */
export class EndedContractDialog extends CancelAndHelpDialog {
  constructor(deps: FlowDependencies) {
    super(ENDED_CONTRACT_DIALOG, deps);
    this.addDialog(
      new TextPrompt(ARRIVAL_PROMPT, async (prompt) =>
        this.validateArrival(prompt.context, prompt.attemptCount, prompt.state),
      ),
    );
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

  protected override readonly route = 'ended' as const;

  protected helpText(): string {
    return say('ended.help', this.deps.content.values);
  }

  /** A date answer ("3 days ago") is the step's answer, never an interruption. */
  protected override answersCurrentStep(inner: DialogContext): boolean {
    const waiting = deepestActive(inner).activeDialog;
    if (waiting?.id === ARRIVAL_PROMPT) {
      if (this.arrivalOf(inner.context).kind === 'resolved') return true;
      // "the first one" after "which Thursday do you mean?": the prompt's state keeps that question.
      const understanding = TurnUnderstanding.of(inner.context, this.deps.intents, this.deps.defaultTimeZone);
      const promptState = (waiting.state as { state?: object }).state;
      return dayAnswerOf(promptState, inner.context.activity, understanding) !== undefined;
    }
    return super.answersCurrentStep(inner);
  }

  /** "not yet" when asked for the refund request's day: nothing to answer yet, come back when it comes. */
  protected override async onNotYet(inner: DialogContext, slot: SlotName): Promise<DialogTurnResult> {
    if (slot !== 'arrival') return super.onNotYet(inner, slot);
    return this.waitForRequest(inner.context, async () => {
      await inner.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: waitingOutcome() };
    });
  }

  /** No refund request yet: the window has not started; the filing begins when the request comes. */
  private async waitForRequest(
    context: TurnContext,
    end: (outcome: EndedContractOutcome) => Promise<DialogTurnResult>,
  ): Promise<DialogTurnResult> {
    const { content } = this.deps;
    // "ended it with money still in escrow, no request yet": that is the first covered case (P1), said so.
    const known = await this.deps.slots.get(context);
    const coveredCase = known.contractState === 'ended' && known.escrowFunded === true;
    await sendReply(context, this.deps.renderer, {
      kind: 'info',
      lines: [
        ...(coveredCase ? [content.fact('P1')] : []),
        say('slotHelp.arrival.notYet', content.values),
        content.fact('P3'),
        say('slotHelp.arrival.notYet.forward', content.values),
      ],
    });
    await this.deps.slots.update(context, { refundRequested: false });
    return end(waitingOutcome());
  }

  /** The turn's one reading of the message as a day (TurnUnderstanding reads it once per turn). */
  private arrivalOf(context: TurnContext): ArrivalResolution {
    const picked = context.turnState.get<ArrivalResolution | undefined>(PICKED_ARRIVAL);
    if (picked) return picked;
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    return understanding.entities.date ?? { kind: 'none' };
  }

  private clockOf(context: TurnContext): UserClock {
    return userClockFrom(context.activity, this.deps.defaultTimeZone);
  }

  private async askArrivalStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    (step.values as FilingValues).flowId = randomUUID();
    const known = (await this.deps.slots.get(step.context)).arrival;
    if (known) {
      // Said earlier ("he asked for the escrow back 5 days ago"): straight to the deadline.
      const mentionedNow = this.arrivalOf(step.context).kind === 'resolved';
      if (!mentionedNow) {
        await step.context.sendActivity(
          say('ended.arrivalFromEarlier', this.deps.content.values, {
            arrival: formatUserDate(
              new Date(known.arrivedAt),
              known.precision,
              this.clockOf(step.context).timeZone,
            ),
          }),
        );
      }
      return step.next(known);
    }
    const { entities } = TurnUnderstanding.of(step.context, this.deps.intents, this.deps.defaultTimeZone);
    // "ended with money in escrow, he hasn't asked for a refund yet": no day to ask for yet.
    if (entities.refundRequested === false)
      return this.waitForRequest(step.context, (outcome) => step.endDialog(outcome));
    await step.context.sendActivity(this.deps.content.fact('P3'));
    // "don't know when it came": where to find the request comes with the question.
    // "no idea if it's hourly or fixed": help with that, not with the day.
    if (entities.unsureAbout === 'contract_type')
      await step.context.sendActivity(say('slotHelp.contractType', this.deps.content.values));
    else if (entities.unsure || entities.asksHowToCheck)
      await sendReply(step.context, this.deps.renderer, {
        kind: 'info',
        lines: [say('slotHelp.arrival', this.deps.content.values), this.deps.content.fact('P5')],
      });
    return step.prompt(ARRIVAL_PROMPT, {
      prompt: say('ended.arrivalPrompt', this.deps.content.values, { examples: EXAMPLES }),
      ...slotTag('arrival'),
    });
  }

  private async validateArrival(
    context: TurnContext,
    attempt: number,
    promptState: object,
  ): Promise<boolean> {
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    const picked = takeDayAnswer(promptState, context.activity, understanding);
    if (picked) {
      const resolution = {
        kind: 'resolved',
        arrivedAt: new Date(picked.arrivedAt),
        precision: picked.precision,
      };
      context.turnState.set(PICKED_ARRIVAL, resolution);
      return true;
    }
    const resolution = this.arrivalOf(context);
    const { values } = this.deps.content;
    const again = attempt > 1 ? ` ${say('ended.arrival.again', values)}` : '';
    switch (resolution.kind) {
      case 'resolved':
        return true;
      case 'future':
        await context.sendActivity(say('ended.arrival.future', values, { examples: EXAMPLES, again }));
        return false;
      case 'vague':
        await context.sendActivity(
          say(resolution.reason === 'range' ? 'ended.arrival.range' : 'ended.arrival.vague', values, {
            again,
          }),
        );
        return false;
      case 'ambiguous': {
        const [recent, earlier] = resolution.days.map((day) =>
          formatUserDate(day, 'day', this.clockOf(context).timeZone),
        );
        const example = shortDate(resolution.days[0], this.clockOf(context).timeZone);
        // The two days are offered as choices too, and the next message may pick one (dayToPick).
        askDayAgain(promptState, resolution.days);
        await sendReply(context, this.deps.renderer, {
          kind: 'choices',
          text: say('ended.arrival.ambiguous', values, { recent, earlier, example }),
          choices: dayChoices(resolution.days, this.clockOf(context).timeZone),
        });
        return false;
      }
      case 'none':
        await context.sendActivity(
          say(attempt > 1 ? 'ended.arrival.noneAgain' : 'ended.arrival.none', values, { examples: EXAMPLES }),
        );
        return false;
    }
  }

  private async deadlineStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    let arrival = step.result as KnownArrival | string;
    if (typeof arrival === 'string') {
      const resolution = this.arrivalOf(step.context);
      if (resolution.kind !== 'resolved') return step.replaceDialog(ENDED_WATERFALL);
      arrival = { arrivedAt: resolution.arrivedAt.toISOString(), precision: resolution.precision };
      await this.deps.slots.update(step.context, { arrival, refundRequested: true, contractState: 'ended' });
    }
    const reply = deadlineReply(arrival, this.deps.content, this.clockOf(step.context));
    await sendReply(step.context, this.deps.renderer, reply.message);
    recordOutcome(
      step.context,
      reply.passed ? { kind: 'deadline_passed' } : { kind: 'funnel', stage: 'deadline_given' },
    );
    if (reply.passed) {
      const outcome: EndedContractOutcome = { filed: false, deadlinePassed: true };
      return step.endDialog(outcome);
    }
    return step.beginDialog(CHECKLIST_DIALOG);
  }

  private async claimStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await step.context.sendActivity(
      say('ended.claimIntro', this.deps.content.values, { claimAdvice: this.deps.content.fact('P6') }),
    );
    return step.beginDialog(CLAIM_DIALOG);
  }

  private async fileStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const claim = step.result as ClaimDraft & { statement: string };
    const values = step.values as FilingValues;
    recordOutcome(step.context, { kind: 'funnel', stage: 'claim_written' });
    // The deadline from the day as it stands now: a correction during the flow counts.
    const arrival = (await this.deps.slots.get(step.context)).arrival;
    const deadline = arrival
      ? deadlineReply(arrival, this.deps.content, this.clockOf(step.context))
      : undefined;
    const { dispute } = await this.deps.disputes.fileDispute({
      ownerId: ownerIdOf(step.context.activity),
      idempotencyKey: values.flowId,
      contractKind: 'ended',
      claim,
      deadline: deadline?.deadline.toISOString(),
      conversationReference: TurnContext.getConversationReference(step.context.activity),
    });
    const { content } = this.deps;
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      title: say('ended.recordedTitle', content.values, { id: dispute.id }),
      lines: [
        say('ended.recordedPaste', content.values, { deadline: deadline?.deadlineText ?? '' }),
        say('ended.whatNext', content.values, { next: content.fact('P9') }),
        content.fact('P11'),
        content.fact('P10'),
      ],
    });
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

function waitingOutcome(): EndedContractOutcome {
  return { covered: true, path: 'ended', waitForRequest: true };
}

function shortDate(day: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(day);
}
