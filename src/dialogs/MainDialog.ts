import { ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext } from 'botbuilder-dialogs';
import { INTENT_NAMES, IntentName } from '../services/nlu/intents';
import { NEXT_TOPIC } from './CancelAndHelpDialog';
import type { DialogDependencies } from './DialogDependencies';
import { ELIGIBILITY_DIALOG, EligibilityDialog, EligibilityOutcome } from './EligibilityDialog';
import {
  ENDED_CONTRACT_DIALOG,
  EndedContractDialog,
  EndedContractOutcome,
} from './ended/EndedContractDialog';
import { findDisputeId } from './disputes/findDisputeId';
import { MY_DISPUTES_DIALOG, MyDisputesDialog } from './disputes/MyDisputesDialog';
import {
  ACTIVE_CONTRACT_DIALOG,
  ActiveContractDialog,
  ActiveContractOptions,
} from './active/ActiveContractDialog';
import { GUIDE_TOPICS, isGuideIntent } from './guide/guideTopics';
import { sendGuideAnswer } from './guide/sendGuideAnswer';
import type { OfferedChoices } from './OfferedChoices';
import { MAIN_MENU, TOPIC_TITLES, topicChoice } from './topics';
import { sendWelcome } from './welcome';
import { recordOutcome } from './recordOutcome';

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/** At or above this score the assistant acts on the intent; below it, it asks which topic was meant. */
export const CONFIDENT_SCORE = 0.7;
/** Topics this likely are offered as "did you mean" choices. */
const CANDIDATE_SCORE = 0.1;

const KNOWN_TOPICS: ReadonlySet<string> = new Set(INTENT_NAMES);

/**
 * Understands each new message (a button press, a typed choice, or free text through the intent
 * model) and routes it to a flow or a direct answer. It never guesses silently: when unsure it asks.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly deps: DialogDependencies,
    private readonly offered: OfferedChoices,
  ) {
    super(MAIN_DIALOG);
    if (!deps?.intents || !deps.content) throw new Error('MainDialog needs intents and content');
    this.addDialog(new EligibilityDialog(deps));
    this.addDialog(new EndedContractDialog(deps));
    this.addDialog(new MyDisputesDialog(deps));
    this.addDialog(new ActiveContractDialog(deps));
    this.addDialog(
      new WaterfallDialog(MAIN_WATERFALL, [
        this.routeStep.bind(this),
        this.afterFlowStep.bind(this),
        // A flow begun after another (eligibility -> active contract) can be left for a topic too.
        this.afterFlowStep.bind(this),
      ]),
    );
    this.initialDialogId = MAIN_WATERFALL;
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = await this.offered.pickedBy(step.context);
    if (picked && KNOWN_TOPICS.has(picked.value)) return this.runTopic(step, picked.value as IntentName);

    const text = step.context.activity.text?.trim() ?? '';
    // A dispute reference on its own means "open that dispute".
    if (findDisputeId(text)) return this.runTopic(step, 'my_disputes');
    const result = await this.deps.intents.recognize(text);
    if (result.intent !== 'none' && result.intent !== 'out_of_scope' && result.score >= CONFIDENT_SCORE) {
      return this.runTopic(step, result.intent);
    }
    const candidates = result.ranked
      .filter((ranked) => ranked.score >= CANDIDATE_SCORE && TOPIC_TITLES[ranked.intent] !== undefined)
      .slice(0, 3);
    recordOutcome(step.context, {
      kind: 'not_understood',
      guessedIntent: result.ranked[0]?.intent ?? result.intent,
      score: result.ranked[0]?.score ?? result.score,
      text,
    });
    if (result.intent === 'out_of_scope' || candidates.length === 0) return this.outOfScope(step);
    await this.offered.offer(
      step.context,
      "I'm not sure I understood. Which of these do you mean?",
      candidates.map((candidate) => topicChoice(candidate.intent)),
    );
    return step.endDialog();
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = step.context.turnState.get(NEXT_TOPIC) as IntentName | 'cancelled' | undefined;
    if (next === 'cancelled') {
      await this.offered.offer(step.context, 'What would you like to do now?', MAIN_MENU);
      return step.endDialog();
    }
    if (next) return this.runTopic(step, next);

    const outcome = step.result as EligibilityOutcome | EndedContractOutcome | undefined;
    if (outcome && 'covered' in outcome)
      recordOutcome(step.context, { kind: 'flow_completed', topic: ELIGIBILITY_DIALOG });
    if (outcome && 'deadlinePassed' in outcome && outcome.deadlinePassed) {
      await this.offered.remember(step.context, [topicChoice('talk_to_person')]);
      return step.endDialog();
    }
    if (!outcome || !('covered' in outcome)) return step.endDialog();
    if (outcome.covered === true && outcome.path === 'active') {
      const options: ActiveContractOptions = { deliveryConfirmed: true };
      return step.beginDialog(ACTIVE_CONTRACT_DIALOG, options);
    }
    if (outcome.covered === true && outcome.path === 'ended' && !outcome.waitForRequest)
      return this.runTopic(step, 'file_ended');
    if (outcome.covered === false) {
      await this.offered.offer(step.context, 'What would you like to do?', [
        topicChoice('talk_to_person'),
        topicChoice('guide_stages'),
      ]);
    }
    return step.endDialog();
  }

  private async runTopic(step: WaterfallStepContext, topic: IntentName): Promise<DialogTurnResult> {
    const { context } = step;
    const { content } = this.deps;
    recordOutcome(context, { kind: 'topic_started', topic });
    if (isGuideIntent(topic)) {
      await sendGuideAnswer(context, content, topic);
      await this.offered.remember(context, GUIDE_TOPICS[topic].followUps.map(topicChoice));
      return step.endDialog();
    }
    switch (topic) {
      case 'eligibility':
        return step.beginDialog(ELIGIBILITY_DIALOG);
      case 'file_ended':
        return step.beginDialog(ENDED_CONTRACT_DIALOG);
      case 'file_active':
        return step.beginDialog(ACTIVE_CONTRACT_DIALOG);
      case 'my_disputes':
        return step.beginDialog(MY_DISPUTES_DIALOG);
      case 'talk_to_person':
        if (this.deps.handoff) {
          await this.deps.handoff.start(context, { reason: 'asked_for_person' });
          return step.endDialog();
        }
        await context.sendActivity(
          'A person from Customer Support can take this over and look at your case with you. Tell them what was agreed, what you delivered and what the client said.',
        );
        return step.endDialog();
      case 'help':
        await this.offered.offer(
          context,
          'I can tell you whether your situation is covered, walk you through filing a dispute, explain mediation and arbitration, and show where to find your disputes. At any point you can say "cancel", "start over" or "talk to a person". Pick a topic or just tell me what happened.',
          MAIN_MENU,
        );
        return step.endDialog();
      case 'greeting':
      case 'start_over':
        await sendWelcome(context, this.offered);
        return step.endDialog();
      case 'cancel':
        await this.offered.offer(
          context,
          "There's nothing in progress to cancel. What would you like to do?",
          MAIN_MENU,
        );
        return step.endDialog();
      case 'thanks':
        recordOutcome(context, { kind: 'contained' });
        await context.sendActivity("You're welcome. If anything else comes up with your dispute, just ask.");
        return step.endDialog();
      case 'goodbye':
        recordOutcome(context, { kind: 'contained' });
        await context.sendActivity(
          'Goodbye, and good luck with your dispute. You can come back here any time.',
        );
        return step.endDialog();
      case 'out_of_scope':
        return this.outOfScope(step);
    }
  }

  private async outOfScope(step: WaterfallStepContext): Promise<DialogTurnResult> {
    await this.offered.offer(
      step.context,
      "I can't help with that, I'm afraid. I only know about Fixed-Price Protection disputes. Here's what I can do:",
      MAIN_MENU,
    );
    return step.endDialog();
  }
}
