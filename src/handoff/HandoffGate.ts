import { ActivityTypes, HandoffEventNames, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { choiceMessage } from '../bot/rendering/choiceMessage';
import { recognizeChoice } from '../bot/rendering/recognizeChoice';
import type { OfferedChoices } from '../dialogs/OfferedChoices';
import { MAIN_MENU } from '../dialogs/topics';
import { earlyReadKey, takeEarlyRead } from '../services/storage/EarlyReads';
import type { HandoffCase } from './handoffCase';
import type { HandoffService } from './HandoffService';
import { HANDOFF_TEXT, LEAVE_QUEUE, LEAVE_WORDS, WAITING_CHOICES } from './handoffWording';

/** The conversation's hand-off case, read at the start of a message turn with its other reads. */
const OPEN_CASE_READ = earlyReadKey<HandoffCase | undefined>('hand-off case');

const hubStatusSchema = z.object({ state: z.enum(['accepted', 'failed', 'completed']) }).passthrough();

/**
 * Runs before the dialogs on every turn. While a person has the conversation the user's messages go
 * to them and the assistant stays quiet; while the user waits in the queue it answers only about the
 * queue; `handoff.status` events from a hub are handled here. Returns true when it handled the turn.
 */
export class HandoffGate {
  constructor(
    private readonly handoff: HandoffService,
    private readonly offered: OfferedChoices,
  ) {}

  /** Starts reading the conversation's case (EarlyReads), for a message turn. */
  readEarly(context: TurnContext): Promise<HandoffCase | undefined> | undefined {
    const { activity } = context;
    if (activity.type !== ActivityTypes.Message || !activity.conversation?.id) return undefined;
    return this.handoff.caseOf(activity.conversation.id);
  }

  static readonly earlyRead = OPEN_CASE_READ;

  async intercept(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (activity.type === ActivityTypes.Event && activity.name === HandoffEventNames.HandoffStatus) {
      const status = hubStatusSchema.safeParse(activity.value);
      if (status.success) await this.handoff.onHubStatus(context, status.data.state);
      return true;
    }
    if (activity.type !== ActivityTypes.Message) return false;
    const open = await (takeEarlyRead(context, OPEN_CASE_READ) ??
      this.handoff.caseOf(activity.conversation.id));
    if (!open || open.status === 'closed') return false;

    const text = activity.text?.trim() ?? '';
    if (open.status === 'accepted') {
      if (text) await this.handoff.recordUserMessage(open.id, text);
      return true;
    }
    const picked = recognizeChoice(activity, WAITING_CHOICES);
    if (picked?.value === LEAVE_QUEUE.value || (!picked && LEAVE_WORDS.test(text))) {
      await this.handoff.leave(open.id);
      await this.offered.offer(context, HANDOFF_TEXT.left, MAIN_MENU);
      return true;
    }
    if (picked) {
      await context.sendActivity(HANDOFF_TEXT.keptWaiting);
      return true;
    }
    if (text) await this.handoff.recordUserMessage(open.id, text);
    await context.sendActivity(choiceMessage(activity.channelId, HANDOFF_TEXT.stillWaiting, [LEAVE_QUEUE]));
    return true;
  }
}
