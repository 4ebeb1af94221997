import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  DialogContext,
  DialogTurnResult,
  WaterfallDialog,
  WaterfallStepContext,
} from 'botbuilder-dialogs';
import { ContentRetriever } from '../services/nlu/ContentRetriever';
import { formatUserDate } from '../services/time';
import type { IntentName } from '../services/nlu/intents';
import { NEXT_TOPIC } from './CancelAndHelpDialog';
import type { DialogDependencies } from './DialogDependencies';
import { ELIGIBILITY_DIALOG, EligibilityDialog, EligibilityOutcome } from './EligibilityDialog';
import {
  ENDED_CONTRACT_DIALOG,
  EndedContractDialog,
  EndedContractOutcome,
} from './ended/EndedContractDialog';
import type { FlowDependencies } from './FlowDependencies';
import { MY_DISPUTES_DIALOG, MyDisputesDialog } from './disputes/MyDisputesDialog';
import {
  ACTIVE_CONTRACT_DIALOG,
  ActiveContractDialog,
  ActiveContractOptions,
} from './active/ActiveContractDialog';
import { GUIDE_TOPICS } from './guide/guideTopics';
import { guideAnswer } from './guide/guideAnswer';
import { retrievedAnswer } from './guide/retrievedAnswer';
import type { OfferedChoices } from './OfferedChoices';
import type { CannotHandleReason, Command } from './policy/Command';
import { cannotHandleLines } from './cannotHandleLines';
import { DialoguePolicy, MISUNDERSTOOD_BEFORE_OFFERING_PERSON } from './policy/DialoguePolicy';
import { say } from '../services/content/responses';
import { rememberFromTurn } from './slots/rememberFromTurn';
import type { KnownSlots } from './slots/KnownSlots';
import { MAIN_MENU, topicChoice } from './topics';
import { TurnUnderstanding } from './understanding/TurnUnderstanding';
import { sendWelcome } from './welcome';
import { recordNotUnderstood, recordOutcome } from './recordOutcome';
import type { MisunderstandingStreak } from './MisunderstandingStreak';
import type { HandoffReason } from '../services/handoff/caseSummary';
import { sendReply } from './sendReply';

/** What the policy answers when it did not understand: the message goes to the supervisors' list. */
const NOT_UNDERSTOOD: ReadonlySet<Command['kind']> = new Set([
  'clarify',
  'clarify_contract_state',
  'cannot_handle',
  'out_of_scope',
]);

export const MAIN_DIALOG = 'mainDialog';
const MAIN_WATERFALL = 'mainWaterfall';

/**
 * Reads each message once (TurnUnderstanding), remembers what it says about the case, and lets the
 * dialogue policy decide: start a flow, answer, clarify, hand off, or say what is out of scope.
 */
export class MainDialog extends ComponentDialog {
  private readonly flowDeps: FlowDependencies;

  constructor(
    private readonly deps: DialogDependencies,
    private readonly offered: OfferedChoices,
    private readonly slots: KnownSlots,
    private readonly misunderstood: MisunderstandingStreak,
  ) {
    super(MAIN_DIALOG);
    if (!deps?.intents || !deps.content || !deps.renderer)
      throw new Error('MainDialog needs intents, content and a renderer');
    if (!slots || !misunderstood)
      throw new Error('MainDialog needs the known slots and the misunderstanding streak');
    const policy = new DialoguePolicy(new ContentRetriever(deps.content));
    this.flowDeps = { ...deps, policy, slots };
    this.addDialog(new EligibilityDialog(this.flowDeps));
    this.addDialog(new EndedContractDialog(this.flowDeps));
    this.addDialog(new MyDisputesDialog(this.flowDeps));
    this.addDialog(new ActiveContractDialog(this.flowDeps));
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

  /** A new message outside any flow: the offered choices it may pick are read (and used up) here. */
  override async onBeginDialog(inner: DialogContext, options?: object): Promise<DialogTurnResult> {
    const picked = await this.offered.pickedBy(inner.context);
    await this.understand(inner.context, picked);
    return super.onBeginDialog(inner, options);
  }

  override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    // A flow takes this message: whatever came before, it is no longer a streak outside flows.
    await this.misunderstood.end(inner.context);
    await this.understand(inner.context);
    return super.onContinueDialog(inner);
  }

  /** Understanding runs once per turn, before any flow, and what it learns is kept for later turns. */
  private async understand(context: TurnContext, picked?: Parameters<typeof TurnUnderstanding.of>[3]) {
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone, picked);
    await rememberFromTurn(this.slots, context, understanding);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const understanding = TurnUnderstanding.of(step.context, this.deps.intents, this.deps.defaultTimeZone);
    const command = await this.flowDeps.policy.decide(understanding, {
      inFlow: false,
      answersStep: false,
      known: await this.slots.get(step.context),
    });
    if (!NOT_UNDERSTOOD.has(command.kind)) return this.performUnderstood(step, command);
    await recordNotUnderstood(step.context, understanding);
    const inARow = await this.misunderstood.extend(step.context);
    if (this.deps.handoff && inARow % MISUNDERSTOOD_BEFORE_OFFERING_PERSON === 0)
      return this.offerPerson(step);
    return this.perform(step, command);
  }

  /** Understood: the streak ends; a person asked for after one was offered for it says so. */
  private async performUnderstood(step: WaterfallStepContext, command: Command): Promise<DialogTurnResult> {
    const inARow = await this.misunderstood.count(step.context);
    await this.misunderstood.end(step.context);
    if (command.kind === 'handoff' && inARow >= MISUNDERSTOOD_BEFORE_OFFERING_PERSON)
      return this.runTopic(step, 'talk_to_person', 'repeated_misunderstanding');
    return this.perform(step, command);
  }

  /** Several messages in a row not understood: a person is offered; only the user's yes hands over. */
  private async offerPerson(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const person = {
      ...topicChoice('talk_to_person'),
      synonyms: ['yes', 'yes please', 'ok', 'okay', 'please do'],
    };
    await this.offered.offer(
      step.context,
      say('handoff.offerAfterMisunderstanding', this.deps.content.values),
      [person, topicChoice('eligibility')],
    );
    return step.endDialog();
  }

  private async afterFlowStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const next = step.context.turnState.get(NEXT_TOPIC) as IntentName | 'cancelled' | undefined;
    if (next === 'cancelled') {
      await this.offered.offer(step.context, say('menu.whatNow', this.deps.content.values), MAIN_MENU);
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
    if (outcome && 'filed' in outcome && outcome.filed) await this.slots.clear(step.context);
    if (!outcome || !('covered' in outcome)) return step.endDialog();
    if (outcome.covered === true && outcome.path === 'active') {
      const options: ActiveContractOptions = { deliveryConfirmed: true };
      return step.beginDialog(ACTIVE_CONTRACT_DIALOG, options);
    }
    if (outcome.covered === true && outcome.path === 'ended' && !outcome.waitForRequest)
      return this.runTopic(step, 'file_ended');
    if (outcome.covered === false) {
      await this.offered.offer(step.context, say('menu.whatNext', this.deps.content.values), [
        topicChoice('talk_to_person'),
        topicChoice('guide_stages'),
      ]);
    }
    return step.endDialog();
  }

  private async perform(step: WaterfallStepContext, command: Command): Promise<DialogTurnResult> {
    const { context } = step;
    switch (command.kind) {
      case 'start_flow':
        if (command.alsoAsked)
          await sendReply(context, this.deps.renderer, retrievedAnswer(this.deps.content, command.alsoAsked));
        return this.runTopic(step, command.topic);
      case 'answer':
        return this.runTopic(step, command.guide);
      case 'answer_retrieved':
        recordOutcome(context, { kind: 'topic_started', topic: command.topic.id });
        await sendReply(
          context,
          this.deps.renderer,
          retrievedAnswer(this.deps.content, command.topic, [
            topicChoice('eligibility'),
            topicChoice('guide_stages'),
          ]),
        );
        await this.offered.remember(context, [topicChoice('eligibility'), topicChoice('guide_stages')]);
        return step.endDialog();
      case 'clarify':
        await this.offered.offer(
          context,
          say('clarify.which', this.deps.content.values),
          command.options.map(topicChoice),
        );
        return step.endDialog();
      case 'clarify_contract_state':
        await this.offered.offer(
          context,
          `${say('clarify.contractState', this.deps.content.values)} ${say('clarify.otherPayments', this.deps.content.values)}`,
          [topicChoice('file_ended'), topicChoice('file_active'), topicChoice('eligibility')],
        );
        return step.endDialog();
      case 'slot_help': {
        // Outside a flow only the contract's state is asked about: where it shows (P4's first step), then the routes.
        const { content } = this.deps;
        const choices = [topicChoice('file_ended'), topicChoice('file_active'), topicChoice('eligibility')];
        await sendReply(context, this.deps.renderer, {
          kind: 'info',
          lines: [...content.lines('P4').slice(0, 1), say('slotHelp.contractState', content.values)],
          choices,
        });
        await this.offered.remember(context, choices);
        return step.endDialog();
      }
      case 'cannot_handle':
        return this.cannotHandle(step, command.reason);
      case 'point_to_help': {
        const choices = [topicChoice('talk_to_person'), topicChoice('eligibility')];
        await sendReply(context, this.deps.renderer, {
          kind: 'info',
          lines: [say('cannotHandle.pointer', this.deps.content.values)],
          choices,
        });
        await this.offered.remember(context, choices);
        return step.endDialog();
      }
      case 'correct_slot':
        await this.correctOutsideFlow(context, command.slot);
        return command.slot === 'arrival' ? this.runTopic(step, 'file_ended') : step.endDialog();
      case 'handoff':
        return this.runTopic(step, 'talk_to_person');
      case 'chitchat':
        if (command.topic === 'bot_identity') {
          await context.sendActivity(say('chitchat.botIdentity', this.deps.content.values));
          return step.endDialog();
        }
        return this.runTopic(step, command.topic);
      case 'help':
      case 'cancel':
      case 'start_over':
        if (command.kind !== 'help') await this.slots.clear(context);
        return this.runTopic(step, command.kind);
      default:
        return this.runTopic(step, 'out_of_scope');
    }
  }

  private async cannotHandle(
    step: WaterfallStepContext,
    reason: CannotHandleReason,
  ): Promise<DialogTurnResult> {
    const choices = [topicChoice('talk_to_person'), topicChoice('eligibility')];
    await sendReply(step.context, this.deps.renderer, {
      kind: 'info',
      lines: cannotHandleLines(this.deps.content, reason),
      choices,
    });
    await this.offered.remember(step.context, choices);
    return step.endDialog();
  }

  /** A corrected value after its flow ended: kept, and the change said; the deadline follows from the flow. */
  private async correctOutsideFlow(context: TurnContext, slot: 'arrival' | 'amount'): Promise<void> {
    const understanding = TurnUnderstanding.of(context, this.deps.intents, this.deps.defaultTimeZone);
    const { date, money } = understanding.entities;
    if (slot === 'arrival' && date?.kind === 'resolved') {
      const before = (await this.slots.get(context)).arrival;
      await this.slots.update(context, {
        arrival: { arrivedAt: date.arrivedAt.toISOString(), precision: date.precision },
      });
      if (before) {
        const zone = understanding.clock.timeZone;
        await context.sendActivity(
          say('correction.arrival', this.deps.content.values, {
            arrival: formatUserDate(date.arrivedAt, date.precision, zone),
            previous: formatUserDate(new Date(before.arrivedAt), before.precision, zone),
          }),
        );
      }
    }
    if (slot === 'amount' && money)
      await this.slots.update(context, { amount: { value: money.amount, currency: money.currency } });
  }

  private async runTopic(
    step: WaterfallStepContext,
    topic: IntentName,
    handoffReason: HandoffReason = 'asked_for_person',
  ): Promise<DialogTurnResult> {
    const { context } = step;
    const { content } = this.deps;
    recordOutcome(context, { kind: 'topic_started', topic });
    if (topic in GUIDE_TOPICS) {
      const guide = topic as keyof typeof GUIDE_TOPICS;
      await sendReply(context, this.deps.renderer, guideAnswer(content, guide));
      await this.offered.remember(context, GUIDE_TOPICS[guide].followUps.map(topicChoice));
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
          await this.deps.handoff.start(context, { reason: handoffReason });
          return step.endDialog();
        }
        await context.sendActivity(say('handoff.noService', content.values));
        return step.endDialog();
      case 'help':
        await this.offered.offer(context, say('help.main', content.values), MAIN_MENU);
        return step.endDialog();
      case 'greeting':
      case 'start_over':
        await sendWelcome(context, this.offered);
        return step.endDialog();
      case 'cancel':
        await this.offered.offer(context, say('cancel.nothing', content.values), MAIN_MENU);
        return step.endDialog();
      case 'thanks':
        recordOutcome(context, { kind: 'contained' });
        await context.sendActivity(say('chitchat.thanks', content.values));
        return step.endDialog();
      case 'goodbye':
        recordOutcome(context, { kind: 'contained' });
        await context.sendActivity(say('chitchat.goodbye', content.values));
        return step.endDialog();
      default:
        await this.offered.offer(
          context,
          [
            say('outOfScope', content.values),
            say('cannotHandle.scope', content.values),
            say('cannotHandle.pointer', content.values),
          ].join(' '),
          MAIN_MENU,
        );
        return step.endDialog();
    }
  }
}
