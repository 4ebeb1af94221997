import { turnWritesOf } from '../services/storage/TurnWrites';
import { Activity, ActivityTypes, EventFactory, TurnContext } from 'botbuilder';
import { ownerIdOf } from '../services/disputes/ownerIdOf';
import type { PolicyContent } from '../services/content/PolicyContent';
import type { DisputeService } from '../services/disputes/DisputeService';
import { IllegalTransitionError } from '../services/disputes/errors';
import type { Dispute } from '../services/disputes/schemas';
import { CaseSummary, claimOf, headlineOf, summaryLines } from './caseSummary';
import { DeliveryFailedError, HandoffCaseNotFoundError, HandoffConflictError } from './errors';
import type { CaseMessage, HandoffCase, HandoffEnd } from './handoffCase';
import type { HandoffStore } from './HandoffStore';
import { HANDOFF_TEXT, LEAVE_QUEUE, WAITING_CHOICES } from './handoffWording';
import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';
import type { MessageSender } from '../services/notifications/DeliveringMessenger';
import type { ReplyRenderer } from '../services/notifications/ReplyRenderer';

/**
 * Sends outside a user's turn and rejects when the channel did not take the message (the app's
 * DeliveringMessenger: a plain proactive turn reports a refusal to onTurnError and resolves anyway).
 */
/** What a `handoff.initiate` event carries as its context, for whichever hub takes the conversation. */
export interface HandoffContext {
  caseId: string;
  queuedAt: string;
  caseSummary: CaseSummary & { headline: string; lines: string[] };
}

export interface HandoffServiceOptions {
  store: HandoffStore;
  transcripts: TranscriptStore;
  messenger: MessageSender;
  /** Draws the hand-off's questions and notices for the user's channel. */
  renderer: ReplyRenderer;
  disputes: DisputeService;
  content: PolicyContent;
  clock?: () => Date;
  /** Told in the user's turn when the conversation enters the queue (not when it was queued already). */
  onQueued?: (context: TurnContext, summary: CaseSummary) => void;
  /** Told once per case when a person accepts it: the support team's hand-off wait. */
  onAccepted?: (accepted: HandoffCase) => void;
  /** Told when an agent or hub closes a case (not when the user leaves or it is handed back). */
  onClosed?: (closed: HandoffCase) => void;
  /** Where a message the user could not be sent is reported (the state change still stands). */
  reportError?: (error: unknown, where: string) => void;
}

/**
 * Hands a conversation to a person and back (Bot Framework hand-off protocol): queues the case,
 * sends `handoff.initiate` with the summary and the transcript, and carries every step an agent takes
 * (accept, reply, open mediation, hand back, close) to the user's conversation.
 */
export class HandoffService {
  private readonly clock: () => Date;

  constructor(private readonly options: HandoffServiceOptions) {
    if (!options?.store || !options.transcripts || !options.messenger || !options.disputes)
      throw new Error('HandoffService needs a store, transcripts, a messenger and the dispute service');
    this.clock = options.clock ?? (() => new Date());
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** Queues this conversation for a person and tells the hub and the user; a second request is answered, not queued. */
  async start(context: TurnContext, summary: CaseSummary): Promise<void> {
    const { activity } = context;
    const id = activity.conversation.id;
    const existing = await this.options.store.get(id);
    if (existing && existing.status !== 'closed') return this.sayAlreadyQueued(context, existing);
    // One open case per user: a user opening conversation after conversation must not fill the queue.
    const ownerId = ownerIdOf(activity);
    const open = await this.options.store.listOpen();
    if (open.some((other) => other.ownerId === ownerId)) {
      await context.sendActivity(HANDOFF_TEXT.alreadyQueuedElsewhere);
      return;
    }

    const queuedAt = this.now();
    const queued = await this.options.store.enqueue({
      id,
      channelId: activity.channelId,
      ownerId,
      summary,
      reference: TurnContext.getConversationReference(activity),
      queuedAt,
    });
    if (!queued) {
      const current = await this.options.store.get(id);
      if (current) return this.sayAlreadyQueued(context, current);
    }
    this.options.onQueued?.(context, summary);
    // The turn's own lines (the user's request) are written with its save; the person needs them now.
    await turnWritesOf(context).flush();
    const transcript = await this.options.transcripts.read(id);
    const handoffContext: HandoffContext = {
      caseId: id,
      queuedAt,
      caseSummary: { ...summary, headline: headlineOf(summary), lines: summaryLines(summary) },
    };
    await context.sendActivity(
      EventFactory.createHandoffInitiation(context, handoffContext, {
        activities: transcript.map((entry) => transcriptActivity(entry, activity)),
      }),
    );
    await context.sendActivity(
      this.options.renderer.choices(activity.channelId, HANDOFF_TEXT.queued, [LEAVE_QUEUE]),
    );
  }

  async caseOf(id: string): Promise<HandoffCase | undefined> {
    return this.options.store.get(id);
  }

  async openCases(): Promise<HandoffCase[]> {
    return this.options.store.listOpen();
  }

  async transcriptOf(id: string): Promise<TranscriptEntry[]> {
    return this.options.transcripts.read(id);
  }

  async messagesOf(id: string, afterSeq: number): Promise<CaseMessage[]> {
    return this.options.store.messagesAfter(id, afterSeq);
  }

  /** The user's words go to the person (or wait for them in the case while queued). */
  async recordUserMessage(id: string, text: string): Promise<void> {
    await this.options.store.appendMessage(id, { at: this.now(), from: 'user', text });
  }

  /** The user leaves the queue; true when there was an open case to leave. */
  async leave(id: string): Promise<boolean> {
    return (await this.options.store.close(id, 'left_queue', this.now())) !== undefined;
  }

  /** An agent takes the case; the user is told a person has joined. */
  async accept(id: string, agentId: string): Promise<HandoffCase> {
    const result = await this.options.store.accept(id, agentId, this.now());
    if (!result.accepted) {
      if (result.reason === 'not_found') throw new HandoffCaseNotFoundError(id);
      throw new HandoffConflictError(
        result.reason === 'taken' ? 'Another agent has already accepted this case' : 'This case is closed',
      );
    }
    if (result.newly) this.options.onAccepted?.(result.case);
    if (result.newly) await this.tell(result.case, HANDOFF_TEXT.accepted, 'accept');
    return result.case;
  }

  /** The agent's reply, delivered into the user's conversation and kept in the case. */
  async sendAgentMessage(id: string, agentId: string, text: string): Promise<CaseMessage> {
    const held = await this.heldBy(id, agentId);
    try {
      await this.deliver(held, { type: ActivityTypes.Message, text }, 'agent');
    } catch (error) {
      throw new DeliveryFailedError(error);
    }
    const at = this.now();
    const seq = await this.options.store.appendMessage(id, { at, from: 'agent', text });
    return { seq: seq ?? 0, at, from: 'agent', text };
  }

  /**
   * Fact P7: the support agent opens a case with a mediation specialist. Files the dispute from the
   * case summary when there is none yet and moves it to mediation; repeating it changes nothing.
   */
  async openMediation(id: string, agentId: string, note?: string): Promise<Dispute> {
    const held = await this.heldBy(id, agentId);
    let dispute = held.disputeId ? await this.options.disputes.getById(held.disputeId) : undefined;
    if (!dispute) {
      ({ dispute } = await this.options.disputes.fileDispute({
        ownerId: held.ownerId,
        idempotencyKey: `handoff:${held.id}:${held.queuedAt}`,
        contractKind: 'active',
        claim: claimOf(held.summary, note),
        conversationReference: held.reference,
      }));
      await this.options.store.setDisputeId(id, dispute.id);
    }
    if (dispute.stage !== 'filed') return dispute;
    const moved = await this.moveToMediation(dispute.id, agentId, note);
    // One line in the conversation the agent is in; what mediation means comes with the dispute
    // notifier's own message about the change of stage (DisputeService.onChange).
    await this.tell(held, HANDOFF_TEXT.mediationOpened(moved.id), 'mediation');
    return moved;
  }

  /** The bot answers the user again; the user is told. */
  async handBack(id: string, agentId: string): Promise<HandoffCase> {
    return this.end(id, agentId, 'handed_back', HANDOFF_TEXT.handedBack);
  }

  async close(id: string, agentId: string): Promise<HandoffCase> {
    return this.end(id, agentId, 'closed', HANDOFF_TEXT.closed);
  }

  /**
   * Tells each user who has waited longer than `timeoutSeconds` that nobody has accepted yet, and what
   * else they can do; once per case, whichever process gets there first. Returns how many were told.
   */
  async notifyUnansweredCases(timeoutSeconds: number, onError: (error: unknown) => void): Promise<number> {
    const now = this.clock();
    const due = await this.options.store.waitingSince(new Date(now.getTime() - timeoutSeconds * 1000));
    let told = 0;
    for (const id of due) {
      const claimed = await this.options.store.claimTimeoutNotice(id, now.toISOString());
      if (!claimed) continue;
      const waitedSeconds = (now.getTime() - Date.parse(claimed.queuedAt)) / 1000;
      try {
        await this.deliver(claimed, this.notAnsweredMessage(claimed, waitedSeconds), 'bot');
        told += 1;
      } catch (error) {
        onError(error);
      }
    }
    return told;
  }

  /** A notice to the user; a delivery failure is reported, the step the agent took stands. */
  private async tell(to: HandoffCase, text: string, where: string): Promise<void> {
    try {
      await this.deliver(to, { type: ActivityTypes.Message, text }, 'bot');
    } catch (error) {
      this.report(error, `telling the user (${where})`);
    }
  }

  /**
   * Sends into the case's conversation and adds the text to its transcript (a proactive message
   * bypasses the turn middleware that records the rest). Rejects when the channel refused it.
   */
  private async deliver(
    to: HandoffCase,
    message: Partial<Activity>,
    role: TranscriptEntry['role'],
  ): Promise<void> {
    await this.options.messenger.send(to.reference, message);
    try {
      await this.options.transcripts.append(to.id, [{ role, text: message.text ?? '', at: this.now() }]);
    } catch (error) {
      this.report(error, 'recording a proactive message');
    }
  }

  private report(error: unknown, where: string): void {
    (this.options.reportError ?? (() => undefined))(error, where);
  }

  private async sayAlreadyQueued(context: TurnContext, existing: HandoffCase): Promise<void> {
    if (existing.status === 'accepted') {
      await context.sendActivity(HANDOFF_TEXT.alreadyWithPerson);
      return;
    }
    await context.sendActivity(
      this.options.renderer.choices(context.activity.channelId, HANDOFF_TEXT.alreadyWaiting, WAITING_CHOICES),
    );
  }

  private notAnsweredMessage(waiting: HandoffCase, waitedSeconds: number): Partial<Activity> {
    const { content } = this.options;
    const message = this.options.renderer.info(waiting.channelId, {
      title: HANDOFF_TEXT.notAnswered(waitedSeconds),
      lines: [`If you would rather not wait: ${lowerFirst(content.fact('P7'))}`, content.fact('P2')],
      choices: WAITING_CHOICES,
    });
    return message;
  }

  private async moveToMediation(disputeId: string, agentId: string, note?: string): Promise<Dispute> {
    try {
      return await this.options.disputes.transition(
        disputeId,
        'in_mediation',
        { role: 'agent', id: agentId },
        note,
      );
    } catch (error) {
      // Two clicks at once: the other one moved it first, which is what this one wanted.
      const current = await this.options.disputes.getById(disputeId);
      if (error instanceof IllegalTransitionError && current?.stage === 'in_mediation') return current;
      throw error;
    }
  }

  private async heldBy(id: string, agentId: string): Promise<HandoffCase> {
    const found = await this.options.store.get(id);
    if (!found) throw new HandoffCaseNotFoundError(id);
    if (found.status === 'closed') throw new HandoffConflictError('This case is closed');
    if (found.status === 'waiting') throw new HandoffConflictError('Accept the case first');
    if (found.agentId !== agentId) throw new HandoffConflictError('Another agent has this case');
    return found;
  }

  private async end(id: string, agentId: string, end: HandoffEnd, tell: string): Promise<HandoffCase> {
    const found = await this.options.store.get(id);
    if (!found) throw new HandoffCaseNotFoundError(id);
    if (found.status === 'accepted' && found.agentId !== agentId)
      throw new HandoffConflictError('Another agent has this case');
    const closed = await this.options.store.close(id, end, this.now());
    if (!closed) throw new HandoffConflictError('This case is closed');
    await this.tell(closed, tell, end);
    if (end === 'closed') this.options.onClosed?.(closed);
    return closed;
  }
}

function transcriptActivity(entry: TranscriptEntry, current: Activity): Activity {
  const user = entry.role === 'user';
  return {
    type: ActivityTypes.Message,
    text: entry.text,
    timestamp: new Date(entry.at),
    channelId: current.channelId,
    conversation: current.conversation,
    from: user
      ? { ...current.from, role: 'user' }
      : {
          id: current.recipient?.id ?? 'bot',
          name: entry.role === 'agent' ? 'Support agent' : 'Assistant',
          role: 'bot',
        },
  } as Activity;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
