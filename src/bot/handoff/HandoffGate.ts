import { ActivityTypes, HandoffEventNames, TurnContext } from 'botbuilder';
import { choiceMessage } from '../rendering/choiceMessage';
import type { TurnInterceptor } from '../TurnInterceptor';
import { recognizeChoice } from '../../dialogs/recognizeChoice';
import type { OfferedChoices } from '../../dialogs/OfferedChoices';
import { MAIN_MENU } from '../../dialogs/topics';
import { earlyReadKey, takeEarlyRead } from '../../services/storage/EarlyReads';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { HandoffService } from '../../services/handoff/HandoffService';
import { LEAVE_WORDS } from '../../services/handoff/handoffWording';

/** The conversation's hand-off case, read at the start of a message turn with its other reads. */
const OPEN_CASE_READ = earlyReadKey<HandoffCase | undefined>('hand-off case');

/**
 * Runs before the dialogs on every turn. While a person has the conversation the user's messages go
 * to them and the assistant stays quiet; while the user waits in the queue it answers only about the
 * queue. Returns true when it handled the turn.
 *
 * A `handoff.status` event arriving on a channel is dropped: the user's own channel can post events,
 * so one could claim "a person accepted" and take the case from the real agents. Status changes are
 * honoured only from an authenticated hub, and today that is the agent API (HandoffService.accept...).
 */
export class HandoffGate implements TurnInterceptor {
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
    if (activity.type === ActivityTypes.Event && activity.name === HandoffEventNames.HandoffStatus)
      return true;
    if (activity.type !== ActivityTypes.Message) return false;
    const open = await (takeEarlyRead(context, OPEN_CASE_READ) ??
      this.handoff.caseOf(activity.conversation.id));
    if (!open || open.status === 'closed') return false;

    const text = activity.text?.trim() ?? '';
    if (open.status === 'accepted') {
      if (text) await this.handoff.recordUserMessage(open.id, text);
      return true;
    }
    const { wording } = this.handoff;
    const picked = recognizeChoice(activity, wording.waitingChoices);
    if (picked?.value === wording.leaveQueue.value || (!picked && LEAVE_WORDS.test(text))) {
      await this.handoff.leave(open.id);
      await this.offered.offer(context, wording.text('handoff.left'), MAIN_MENU);
      return true;
    }
    if (picked) {
      await context.sendActivity(wording.text('handoff.keptWaiting'));
      return true;
    }
    if (text) await this.handoff.recordUserMessage(open.id, text);
    await context.sendActivity(
      choiceMessage(activity.channelId, wording.text('handoff.stillWaiting'), [wording.leaveQueue]),
    );
    return true;
  }
}
