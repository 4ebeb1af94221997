import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  PromptOptions,
} from 'botbuilder-dialogs';
import type { Choice } from '../services/replies/choice';
import { recognizeChoice } from './recognizeChoice';
import type { IntentName } from '../services/nlu/intents';
import { formatUserDate } from '../services/time';
import { deadlineReply } from './ended/deadlineReply';
import { deepestActive } from './deepestActive';
import { askDayAgain, dayChoices, takeDayAnswer } from './dayToPick';
import type { FlowDependencies } from './FlowDependencies';
import { flowStepOf } from './flowStep';
import { guideAnswer } from './guide/guideAnswer';
import { retrievedAnswer } from './guide/retrievedAnswer';
import type { CannotHandleReason, Command } from './policy/Command';
import { cannotHandleLines } from './cannotHandleLines';
import type { SlotName, SlotTag } from './policy/SlotName';
import { say, type ResponseId } from '../services/content/responses';
import type { KnownArrival } from './slots/KnownSlots';
import { recordOutcome } from './recordOutcome';
import { TurnUnderstanding } from './understanding/TurnUnderstanding';
import { sendReply } from './sendReply';

/**
 * Set once a turn's message has been checked for an interruption. Flows nest (the claim inside the
 * ended-contract filing); the outermost flow checks for all of them, so the policy decides once.
 */
const INTERRUPTION_CHECKED = Symbol('interruptionChecked');

/** Set on the turn when an interruption ended a flow and the main dialog should go on to this topic. */
export const NEXT_TOPIC = Symbol('nextTopic');

/** Help for a slot, said the first time the user cannot answer it; a second time offers other ways on. */
const SLOT_HELP: Partial<Record<SlotName, ResponseId>> = {
  arrival: 'slotHelp.arrival',
  contract_type: 'slotHelp.contractType',
  contract_state: 'slotHelp.contractState',
  escrow: 'slotHelp.escrow',
  refund_request: 'slotHelp.refundRequest',
  delivered: 'slotHelp.delivered',
  amount: 'slotHelp.amount',
};

/**
 * The base of every multi-turn flow: at any step the dialogue policy may decide that the message
 * is not the step's answer: a question (answered, then the flow resumes where it was), a correction
 * of an earlier answer (recomputed and shown), "I don't know" (help for that question), cancel,
 * start over, or a request for a person.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: FlowDependencies,
  ) {
    super(id);
  }

  /** Which filing route this flow is, if it is one: a correction of the contract's state switches it. */
  protected readonly route: 'ended' | 'active' | 'eligibility' | undefined = undefined;

  /** What the user can do at this point of the flow, said when they ask for help. */
  protected abstract helpText(): string;

  /**
   * True when the message is an answer the waiting step accepts: then it is never an interruption
   * ("ended" answers "has the contract ended?", it does not cancel). Flows with free-text steps extend this.
   */
  protected answersCurrentStep(inner: DialogContext): boolean {
    const choices = (waitingPrompt(inner)?.choices ?? []).filter(isOurChoice);
    return choices.length > 0 && recognizeChoice(inner.context.activity, choices) !== undefined;
  }

  /**
   * "not yet" at a question whose answer is an event still to come. The ended-contract flow ends
   * there (nothing to answer yet); other flows help like for "I don't know".
   */
  protected async onNotYet(inner: DialogContext, slot: SlotName): Promise<DialogTurnResult> {
    return this.helpWithSlot(inner, slot);
  }

  override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const { context } = inner;
    const activity = context.activity;
    const text = activity.type === ActivityTypes.Message ? activity.text?.trim() : undefined;
    if (!text || context.turnState.get(INTERRUPTION_CHECKED)) return undefined;
    context.turnState.set(INTERRUPTION_CHECKED, true);
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    // Where the question being answered was asked (found once: each level is built anew on every read).
    const waiting = deepestActive(inner);
    // The answer to "which day was it?", asked on the turn before (correctArrival).
    const dayAnswer = takeDayAnswer(waiting.activeDialog?.state, context.activity, understanding);
    if (dayAnswer) return this.changeArrival(inner, dayAnswer);
    const flow = innermostFlow(this, inner);
    const command = await this.deps.policy.decide(understanding, {
      inFlow: true,
      slot: (promptOptionsOf(waiting)?.validations as SlotTag | undefined)?.slot,
      answersStep: flow.answersCurrentStep(inner),
      route: this.route,
      known: await this.deps.slots.get(context),
    });
    return this.perform(inner, flow, command);
  }

  private async perform(
    inner: DialogContext,
    flow: CancelAndHelpDialog,
    command: Command,
  ): Promise<DialogTurnResult | undefined> {
    const { context } = inner;
    const { content } = this.deps;
    switch (command.kind) {
      case 'answer':
        if (command.guide === 'guide_deadline' && (await this.restateDeadline(inner)))
          return this.resume(inner);
        await sendReply(context, this.deps.renderer, guideAnswer(content, command.guide, false));
        return this.resume(inner);
      case 'answer_retrieved':
        await sendReply(context, this.deps.renderer, retrievedAnswer(content, command.topic));
        return this.resume(inner);
      case 'chitchat':
        if (command.topic !== 'bot_identity') return undefined;
        await context.sendActivity(say('chitchat.botIdentity', content.values));
        return this.resume(inner);
      case 'cannot_handle':
        await this.sayCannotHandle(inner, command.reason);
        return this.resume(inner);
      case 'help':
        await context.sendActivity(`${flow.helpText()} ${say('help.inFlow', content.values)}`);
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await context.sendActivity(say('cancel.done', content.values));
        await this.deps.slots.clear(context);
        return this.leaveFlow(inner, undefined);
      case 'start_over':
        await context.sendActivity(say('startOver', content.values));
        await this.deps.slots.clear(context);
        return this.leaveFlow(inner, 'greeting');
      case 'handoff':
        return this.leaveFlow(inner, 'talk_to_person');
      case 'slot_help':
        return command.notYet ? flow.onNotYet(inner, command.slot) : this.helpWithSlot(inner, command.slot);
      case 'correct_slot':
        if (command.alsoAsked)
          await sendReply(context, this.deps.renderer, retrievedAnswer(content, command.alsoAsked));
        return command.slot === 'arrival' ? this.correctArrival(inner) : this.correctAmount(inner);
      case 'switch_flow':
        await context.sendActivity(
          say(
            command.topic === 'file_active' ? 'correction.contractActive' : 'correction.contractEnded',
            content.values,
          ),
        );
        await this.deps.slots.update(context, {
          contractState: command.topic === 'file_active' ? 'active' : 'ended',
        });
        return this.leaveFlow(inner, command.topic);
      default:
        return undefined;
    }
  }

  /** After a digression, the flow's question again, introduced so it does not read as a loop. */
  private async resume(inner: DialogContext): Promise<DialogTurnResult> {
    // Two digressions in a row (a question, then a correction) are not brought back in the same words.
    const waiting = deepestActive(inner);
    const state = waiting.activeDialog?.state as { resumedBefore?: boolean } | undefined;
    const resume = say(state?.resumedBefore ? 'resume.again' : 'resume', this.deps.content.values);
    if (state) state.resumedBefore = !state.resumedBefore;
    const options = promptOptionsOf(waiting);
    const question = textOf(options?.prompt) ?? textOf(options?.retryPrompt);
    if (!question) {
      await inner.context.sendActivity(resume);
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    // One message, introduced: the question again, never the previous message word for word.
    const choices = (options?.choices ?? []).filter(isOurChoice);
    const text = `${resume} ${question}`;
    await sendReply(inner.context, this.deps.renderer, { kind: 'choices', text, choices });
    return { status: DialogTurnStatus.waiting };
  }

  /**
   * Where to find the answer and how to go on; said instead of the question again, and worded
   * differently the second time, so the user never meets the same lines twice.
   */
  protected async helpWithSlot(inner: DialogContext, slot: SlotName): Promise<DialogTurnResult> {
    const { content } = this.deps;
    const waiting = deepestActive(inner).activeDialog?.state as { slotHelpGiven?: number } | undefined;
    const given = waiting?.slotHelpGiven ?? 0;
    if (waiting) waiting.slotHelpGiven = given + 1;
    const help = SLOT_HELP[slot];
    const again = say(slot === 'arrival' ? 'slotHelp.arrival.again' : 'slotHelp.again', content.values);
    // "how can I find that out?" after the help: where to look once more, in other words, then the way on.
    const asksWhere = TurnUnderstanding.existing(inner.context)?.entities.asksHowToCheck === true;
    const lines =
      given > 0
        ? asksWhere && help
          ? [
              say('slotHelp.whereAgain', content.values),
              say(help, content.values),
              ...(slot === 'arrival' ? [content.fact('P5')] : []),
              again,
            ]
          : [again]
        : [
            // Where the contract is (P4's first step), then how its state shows there.
            ...(slot === 'contract_state' ? content.lines('P4').slice(0, 1) : []),
            ...(help ? [say(help, content.values)] : []),
            ...(slot === 'arrival' ? [content.fact('P5')] : []),
            say(slot === 'arrival' ? 'slotHelp.arrival.forward' : 'slotHelp.forward', content.values),
          ];
    await sendReply(inner.context, this.deps.renderer, { kind: 'info', lines });
    return { status: DialogTurnStatus.waiting };
  }

  private async sayCannotHandle(inner: DialogContext, reason: CannotHandleReason): Promise<void> {
    // What the assistant does cover, so the user knows the flow under way is still theirs.
    await sendReply(inner.context, this.deps.renderer, {
      kind: 'info',
      lines: cannotHandleLines(this.deps.content, reason),
    });
  }

  /** "and my deadline again?" once the request's day is known: their own deadline, not the rule alone. */
  private async restateDeadline(inner: DialogContext): Promise<boolean> {
    const { context } = inner;
    const known = await this.deps.slots.get(context);
    if (!known.arrival) return false;
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    const reply = deadlineReply(known.arrival, this.deps.content, understanding.clock);
    await sendReply(context, this.deps.renderer, reply.message);
    return true;
  }

  /** A new day for the refund request: the deadline is recomputed and both are shown. */
  private async correctArrival(inner: DialogContext): Promise<DialogTurnResult> {
    const { context } = inner;
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    const date = understanding.entities.date;
    const { values } = this.deps.content;
    if (date?.kind === 'ambiguous') {
      // "it was last wednesday" on a Thursday: which one is asked, and the answer is taken next turn.
      askDayAgain(deepestActive(inner).activeDialog?.state, date.days);
      const choices = dayChoices(date.days, understanding.clock.timeZone);
      const [recent, earlier] = choices.map((choice) => choice.title);
      const text = say('correction.arrivalWhich', values, { recent, earlier });
      await sendReply(context, this.deps.renderer, { kind: 'choices', text, choices });
      return { status: DialogTurnStatus.waiting };
    }
    if (date?.kind === 'vague') {
      // "no, it was last week": the day itself is asked for.
      askDayAgain(deepestActive(inner).activeDialog?.state);
      const ask = date.reason === 'range' ? 'ended.arrival.range' : 'ended.arrival.vague';
      await context.sendActivity(say(ask, values, { again: '' }));
      return { status: DialogTurnStatus.waiting };
    }
    if (date?.kind !== 'resolved') return this.resume(inner);
    return this.changeArrival(inner, { arrivedAt: date.arrivedAt.toISOString(), precision: date.precision });
  }

  private async changeArrival(inner: DialogContext, arrival: KnownArrival): Promise<DialogTurnResult> {
    const { context } = inner;
    const known = await this.deps.slots.get(context);
    await this.deps.slots.update(context, { arrival });
    const clock = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone).clock;
    if (known.arrival)
      await context.sendActivity(
        say('correction.arrival', this.deps.content.values, {
          arrival: dayText(arrival, clock.timeZone),
          previous: dayText(known.arrival, clock.timeZone),
        }),
      );
    const reply = deadlineReply(arrival, this.deps.content, clock);
    await sendReply(context, this.deps.renderer, reply.message);
    if (reply.passed) return this.endForClosedWindow(inner);
    return this.resume(inner);
  }

  /**
   * The corrected day closed the window: the filing steps no longer apply, so the flow ends as it does
   * when the day first given is too old (the closed-window message says where to turn instead).
   */
  private async endForClosedWindow(inner: DialogContext): Promise<DialogTurnResult> {
    recordOutcome(inner.context, { kind: 'deadline_passed' });
    await inner.cancelAllDialogs();
    return { status: DialogTurnStatus.complete, result: { filed: false, deadlinePassed: true } };
  }

  private async correctAmount(inner: DialogContext): Promise<DialogTurnResult> {
    const { context } = inner;
    const { entities } = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    const known = (await this.deps.slots.get(context)).amount;
    // "sorry, it's 1100": a bare number keeps the currency the amount had.
    const amount = entities.money
      ? { value: entities.money.amount, currency: entities.money.currency }
      : entities.bareNumber !== undefined && known
        ? { value: entities.bareNumber, currency: known.currency }
        : undefined;
    if (!amount) return this.resume(inner);
    await this.deps.slots.update(context, { amount });
    await context.sendActivity(
      say('correction.amount', this.deps.content.values, { amount: `${amount.value} ${amount.currency}` }),
    );
    return this.resume(inner);
  }

  protected async leaveFlow(inner: DialogContext, next: IntentName | undefined): Promise<DialogTurnResult> {
    inner.context.turnState.set(NEXT_TOPIC, next ?? 'cancelled');
    recordOutcome(inner.context, { kind: 'flow_abandoned', topic: this.id, step: flowStepOf(inner) });
    return inner.cancelAllDialogs();
  }
}

function textOf(prompt: PromptOptions['prompt']): string | undefined {
  if (prompt === undefined) return undefined;
  return typeof prompt === 'string' ? prompt : prompt.text;
}

function dayText(arrival: KnownArrival, timeZone: string): string {
  return formatUserDate(new Date(arrival.arrivedAt), arrival.precision, timeZone);
}

/** The options of the prompt waiting for the user's answer, if a prompt is waiting. */
function waitingPrompt(inner: DialogContext): PromptOptions | undefined {
  return promptOptionsOf(deepestActive(inner));
}

/** The options of the prompt active in `waiting` (the deepest active dialog context), if it is one. */
function promptOptionsOf(waiting: DialogContext): PromptOptions | undefined {
  return (waiting.activeDialog?.state as { options?: PromptOptions } | undefined)?.options;
}

function isOurChoice(choice: unknown): choice is Choice {
  return typeof choice === 'object' && choice !== null && 'value' in choice && 'title' in choice;
}

/** The innermost flow under way (the claim, not the filing around it): its help speaks to the step. */
function innermostFlow(outermost: CancelAndHelpDialog, inner: DialogContext): CancelAndHelpDialog {
  let flow = outermost;
  for (let context: DialogContext | undefined = inner; context?.activeDialog; context = context.child) {
    const active = context.findDialog(context.activeDialog.id);
    if (active instanceof CancelAndHelpDialog) flow = active;
  }
  return flow;
}
