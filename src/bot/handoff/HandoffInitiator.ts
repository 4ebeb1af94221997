import { TurnContext } from 'botbuilder';
import type { HandoffStarter } from '../../dialogs/HandoffStarter';
import { ownerIdOf } from '../../services/disputes/ownerIdOf';
import type { CaseSummary } from '../../services/handoff/caseSummary';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { HandoffService } from '../../services/handoff/HandoffService';
import type { ReplyRenderer } from '../../services/notifications/ReplyRenderer';
import { turnWritesOf } from '../../services/storage/TurnWrites';
import { handoffInitiation } from './handoffInitiation';

export interface HandoffInitiatorOptions {
  handoff: HandoffService;
  /** Draws the hand-off's questions for the user's channel. */
  renderer: ReplyRenderer;
  /** Told in the user's turn when the conversation enters the queue (not when it was queued already). */
  onQueued?: (context: TurnContext, summary: CaseSummary) => void;
}

/**
 * The bot's side of asking for a person, in the user's turn: opens the case, sends the hub the
 * `handoff.initiate` event with the summary and the transcript, and tells the user where they stand.
 * A second request is answered, not queued.
 */
export class HandoffInitiator implements HandoffStarter {
  constructor(private readonly options: HandoffInitiatorOptions) {
    if (!options?.handoff || !options.renderer)
      throw new Error('HandoffInitiator needs the hand-off service and a renderer');
  }

  async start(context: TurnContext, summary: CaseSummary): Promise<void> {
    const { activity } = context;
    const { wording } = this.options.handoff;
    const outcome = await this.options.handoff.open({
      id: activity.conversation.id,
      channelId: activity.channelId,
      ownerId: ownerIdOf(activity),
      summary,
      reference: TurnContext.getConversationReference(activity),
    });
    if (!outcome.opened) {
      if (outcome.reason === 'open_here') return this.sayAlreadyQueued(context, outcome.case);
      await context.sendActivity(wording.text('handoff.alreadyQueuedElsewhere'));
      return;
    }
    this.options.onQueued?.(context, summary);
    // The turn's own lines (the user's request) are written with its save; the person needs them now.
    await turnWritesOf(context).flush();
    const transcript = await this.options.handoff.transcriptOf(outcome.case.id);
    await context.sendActivity(handoffInitiation(context, outcome.case, transcript, wording));
    await context.sendActivity(
      this.options.renderer.choices(activity.channelId, wording.text('handoff.queued'), [wording.leaveQueue]),
    );
  }

  private async sayAlreadyQueued(context: TurnContext, existing: HandoffCase): Promise<void> {
    const { wording } = this.options.handoff;
    if (existing.status === 'accepted') {
      await context.sendActivity(wording.text('handoff.alreadyWithPerson'));
      return;
    }
    await context.sendActivity(
      this.options.renderer.choices(
        context.activity.channelId,
        wording.text('handoff.alreadyWaiting'),
        wording.waitingChoices,
      ),
    );
  }
}
