import { ActivityHandler, ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { Dialog, DialogSet, DialogState, DialogTurnStatus } from 'botbuilder-dialogs';
import { textWithoutBotMention } from './botMention';
import { keepDialogMemory, useSharedDialogMemory } from './sharedDialogMemory';
import { retryOnConflict } from '../services/resilience/retryOnConflict';
import { earlyReadKey, takeEarlyRead } from '../services/storage/EarlyReads';
import { turnWritesOf } from '../services/storage/TurnWrites';
import type { TurnInterceptor } from './TurnInterceptor';
import type { SatisfactionSurvey } from './satisfaction/SatisfactionSurvey';

/** Conversation state loaded at the start of the turn, with its other reads (EarlyReads). */
export const BOT_STATE_READ = earlyReadKey<void>('bot state');

/**
 * Receives every activity. It routes messages into the main dialog, greets new members, and owns
 * state saving: conversation state is written once, at the end of each turn. (There is no user
 * state: nothing is kept per user across conversations, so none is read or written.)
 */
export class DisputeBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly mainDialog: Dialog,
    private readonly welcome: (context: TurnContext) => Promise<void>,
    /** While a person has the conversation (or it waits for one) the gate handles the turn instead. */
    private readonly handoffGate?: TurnInterceptor,
    /** Takes an answer to the satisfaction question, and asks it at a conversation's natural end. */
    private readonly satisfaction?: Pick<SatisfactionSurvey, 'intercept' | 'afterTurn'>,
  ) {
    super();
    if (!conversationState) throw new Error('DisputeBot needs conversationState');
    if (!mainDialog) throw new Error('DisputeBot needs a main dialog');
    this.dialogState = conversationState.createProperty<DialogState>('DialogState');

    this.onMessage(async (context, next) => {
      // Teams (and group chats elsewhere) put "<at>Bot</at>" in the text; understand the rest only.
      const text = textWithoutBotMention(context.activity);
      if (text !== undefined) context.activity.text = text;
      await this.runMainDialog(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const newcomers = (context.activity.membersAdded ?? []).filter((member) => member.id !== botId);
      if (newcomers.length > 0) await this.welcome(context);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    // A save that meets another turn's write (eTag conflict) runs the whole turn again on fresh state.
    await retryOnConflict(context, async (attempt) => {
      // A run after an eTag conflict reloads: what was loaded before is stale.
      await (takeEarlyRead(context, BOT_STATE_READ) ?? this.loadState(context, attempt > 1));
      if (!(await this.handoffGate?.intercept(context)) && !(await this.satisfaction?.intercept(context))) {
        await super.run(context);
        await this.satisfaction?.afterTurn(context);
      }
      await this.saveState(context);
    });
  }

  /** Loads conversation state; it starts in the same tick as the turn's other reads (one round trip with Redis). */
  async loadState(context: TurnContext, fresh = false): Promise<void> {
    await this.conversationState.load(context, fresh);
  }

  private async runMainDialog(context: TurnContext): Promise<void> {
    const dialogs = new DialogSet(this.dialogState);
    dialogs.add(this.mainDialog);
    useSharedDialogMemory(context);
    const dialogContext = await dialogs.createContext(context);
    keepDialogMemory(context);
    const result = await dialogContext.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog(this.mainDialog.id);
  }

  /** State and the turn's other writes (transcript, ...) start together: one round trip with Redis. */
  private async saveState(context: TurnContext): Promise<void> {
    await Promise.all([this.conversationState.saveChanges(context, false), turnWritesOf(context).flush()]);
  }
}
