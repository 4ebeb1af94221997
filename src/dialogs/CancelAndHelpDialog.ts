import { ActivityTypes } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogTurnResult,
  DialogTurnStatus,
  PromptOptions,
} from 'botbuilder-dialogs';
import type { Choice } from '../bot/rendering/choice';
import { recognizeChoice } from '../bot/rendering/recognizeChoice';
import type { IntentName } from '../services/nlu/intents';
import type { DialogDependencies } from './DialogDependencies';
import { sendGuideAnswer } from './guide/sendGuideAnswer';
import { isGuideIntent } from './guide/guideTopics';
import { flowStepOf } from './flowStep';
import { recordOutcome } from './recordOutcome';

/**
 * A command mid-flow must also use one of its words: the model is sure of itself on text it has never
 * seen ("about five hundred" is no "cancel"), and leaving a flow by mistake loses the user's answers.
 */
const COMMAND_WORDS = {
  cancel: /\b(cancel|stop|quit|exit|abort|never ?mind|forget (it|this|about it)|don'?t want)\b/i,
  start_over: /\b(start (over|again)|restart|from (the )?(beginning|start|scratch|top)|reset|begin again)\b/i,
  help: /\b(help|confused|don'?t understand|what (do|can|should) i (do|say)|options)\b/i,
  talk_to_person:
    /\b(person|human|agent|someone|somebody|representative|rep|support|staff|people|operator|live)\b/i,
};

/** The innermost dialog context with an active dialog: where the question being answered was asked. */
export function deepestActive(dialogContext: DialogContext): DialogContext {
  let current = dialogContext;
  while (current.child) current = current.child;
  return current;
}

/**
 * Set once a turn's message has been checked for an interruption. Flows nest (the claim inside the
 * ended-contract filing); the outermost flow checks for all of them, so the inner ones do not run the
 * intent model and the step checks again on the same message.
 */
const INTERRUPTION_CHECKED = Symbol('interruptionChecked');

/** Set on the turn when an interruption ended a flow and the main dialog should go on to this topic. */
export const NEXT_TOPIC = Symbol('nextTopic');

/**
 * Only a confident reading interrupts a flow: an answer to the flow's own question ("3 days ago",
 * "yes") must never be mistaken for a change of subject.
 */
const INTERRUPT_CONFIDENCE = 0.85;

/**
 * The base of every multi-turn flow (the CancelAndHelp pattern): at any step the user can ask for
 * help, cancel, start over or ask for a person, or ask a question about the process; a question is
 * answered and the flow resumes at the same step.
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  protected constructor(
    id: string,
    protected readonly deps: DialogDependencies,
  ) {
    super(id);
  }

  /** What the user can do at this point of the flow, said when they ask for help. */
  protected abstract helpText(): string;

  /**
   * True when the message is an answer the waiting step accepts: then it is never an interruption
   * ("ended" answers "has the contract ended?", it does not cancel). Flows with free-text steps extend this.
   */
  protected answersCurrentStep(inner: DialogContext): boolean {
    const waiting = deepestActive(inner);
    const promptOptions = (waiting.activeDialog?.state as { options?: PromptOptions } | undefined)?.options;
    const choices = (promptOptions?.choices ?? []).filter(isOurChoice);
    return choices.length > 0 && recognizeChoice(inner.context.activity, choices) !== undefined;
  }

  override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const activity = inner.context.activity;
    const text = activity.type === ActivityTypes.Message ? activity.text?.trim() : undefined;
    if (!text || inner.context.turnState.get(INTERRUPTION_CHECKED)) return undefined;
    inner.context.turnState.set(INTERRUPTION_CHECKED, true);
    if (this.answersCurrentStep(inner)) return undefined;
    const { intent, score } = await this.deps.intents.recognize(text);
    if (intent === 'none' || score < INTERRUPT_CONFIDENCE) return undefined;
    if (intent in COMMAND_WORDS && !COMMAND_WORDS[intent as keyof typeof COMMAND_WORDS].test(text))
      return undefined;

    if (isGuideIntent(intent) && looksLikeQuestion(text)) {
      await sendGuideAnswer(inner.context, this.deps.content, intent, false);
      await inner.context.sendActivity('Back to where we were:');
      await inner.repromptDialog();
      return { status: DialogTurnStatus.waiting };
    }
    switch (intent) {
      case 'help':
        await inner.context.sendActivity(
          `${innermostFlow(this, inner).helpText()} You can also ask me about mediation or arbitration at any point, say "cancel" to stop, "start over" to begin again, or "talk to a person".`,
        );
        await inner.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await inner.context.sendActivity('Okay, I stopped that. Nothing was filed.');
        return this.leaveFlow(inner, undefined);
      case 'start_over':
        await inner.context.sendActivity("Sure, let's start over.");
        return this.leaveFlow(inner, 'greeting');
      case 'talk_to_person':
        return this.leaveFlow(inner, 'talk_to_person');
      default:
        return undefined;
    }
  }

  private async leaveFlow(inner: DialogContext, next: IntentName | undefined): Promise<DialogTurnResult> {
    inner.context.turnState.set(NEXT_TOPIC, next ?? 'cancelled');
    recordOutcome(inner.context, { kind: 'flow_abandoned', topic: this.id, step: flowStepOf(inner) });
    return inner.cancelAllDialogs();
  }
}

/** A process question mid-flow reads as a question; a bare answer ("3 days ago") must reach the step. */
function looksLikeQuestion(text: string): boolean {
  return (
    /\?\s*$/.test(text) ||
    /^(what|how|who|whose|when|why|where|which|is|are|can|could|do|does|will|would|should|if)\b/i.test(text)
  );
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
