import type { PolicyContent } from '../content/PolicyContent';
import type { DisputeService } from '../disputes/DisputeService';
import { IllegalTransitionError } from '../disputes/errors';
import type { Dispute } from '../disputes/schemas';
import type { CaseMessenger, CaseNotice } from './CaseMessenger';
import { claimOf } from './caseSummary';
import { DeliveryFailedError, HandoffCaseNotFoundError, HandoffConflictError } from './errors';
import type { CaseMessage, HandoffCase, HandoffEnd, NewHandoffCase } from './handoffCase';
import type { HandoffStore } from './HandoffStore';
import { HandoffWording } from './handoffWording';
import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';

export interface HandoffServiceOptions {
  store: HandoffStore;
  /** Read for the agents; the bot writes them (TranscriptRecorder, and its CaseMessenger). */
  transcripts: TranscriptStore;
  /** Reaches the case's user outside their turn (the bot's proactive delivery). */
  messenger: CaseMessenger;
  disputes: DisputeService;
  content: PolicyContent;
  clock?: () => Date;
  /** Told once per case when a person accepts it: the support team's hand-off wait. */
  onAccepted?: (accepted: HandoffCase) => void;
  /** Told when an agent or hub closes a case (not when the user leaves or it is handed back). */
  onClosed?: (closed: HandoffCase) => void;
  /** Where a message the user could not be sent is reported (the state change still stands). */
  reportError?: (error: unknown, where: string) => void;
}

/** What asking for a person came to: queued now, already queued here, or already queued elsewhere. */
export type OpenOutcome =
  | { opened: true; case: HandoffCase }
  | { opened: false; reason: 'open_here'; case: HandoffCase }
  | { opened: false; reason: 'open_elsewhere' };

/**
 * The hand-off cases (Bot Framework hand-off protocol, domain side): the queue, a person accepting,
 * replying, opening mediation, handing back and closing, and the case summary. It knows no turn and
 * no SDK: the bot opens cases from a turn (src/bot/handoff) and carries notices through CaseMessenger.
 */
export class HandoffService {
  private readonly clock: () => Date;
  /** What the user is told at each step, from the content file (the bot side says it too). */
  readonly wording: HandoffWording;

  constructor(private readonly options: HandoffServiceOptions) {
    if (
      !options?.store ||
      !options.transcripts ||
      !options.messenger ||
      !options.disputes ||
      !options.content
    )
      throw new Error(
        'HandoffService needs a store, transcripts, a messenger, the dispute service and content',
      );
    this.clock = options.clock ?? (() => new Date());
    this.wording = new HandoffWording(options.content);
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /**
   * Queues a conversation for a person. One open case per conversation and per user: a user opening
   * conversation after conversation must not fill the queue (the store decides that atomically).
   */
  async open(request: Omit<NewHandoffCase, 'queuedAt'>): Promise<OpenOutcome> {
    const existing = await this.options.store.get(request.id);
    if (existing && existing.status !== 'closed')
      return { opened: false, reason: 'open_here', case: existing };
    const queuedAt = this.now();
    if (await this.options.store.enqueue({ ...request, queuedAt }))
      return { opened: true, case: { ...request, queuedAt, status: 'waiting' } };
    const current = await this.options.store.get(request.id);
    if (current && current.status !== 'closed') return { opened: false, reason: 'open_here', case: current };
    return { opened: false, reason: 'open_elsewhere' };
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
    if (result.newly) await this.tell(result.case, this.wording.text('handoff.accepted'), 'accept');
    return result.case;
  }

  /** The agent's reply, delivered into the user's conversation and kept in the case. */
  async sendAgentMessage(id: string, agentId: string, text: string): Promise<CaseMessage> {
    const held = await this.heldBy(id, agentId);
    try {
      await this.options.messenger.send(held, { from: 'agent', text });
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
        claim: claimOf(held.summary, this.wording, note),
        conversationReference: held.reference,
      }));
      await this.options.store.setDisputeId(id, dispute.id);
    }
    if (dispute.stage !== 'filed') return dispute;
    const moved = await this.moveToMediation(dispute.id, agentId, note);
    // One line in the conversation the agent is in; what mediation means comes with the dispute
    // notifier's own message about the change of stage (DisputeService.onChange).
    await this.tell(held, this.wording.text('handoff.mediationOpened', { disputeId: moved.id }), 'mediation');
    return moved;
  }

  /** The bot answers the user again; the user is told. */
  async handBack(id: string, agentId: string): Promise<HandoffCase> {
    return this.end(id, agentId, 'handed_back', this.wording.text('handoff.handedBack'));
  }

  async close(id: string, agentId: string): Promise<HandoffCase> {
    return this.end(id, agentId, 'closed', this.wording.text('handoff.closed'));
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
        await this.options.messenger.send(claimed, this.notAnsweredNotice(waitedSeconds));
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
      await this.options.messenger.send(to, { from: 'bot', text });
    } catch (error) {
      this.report(error, `telling the user (${where})`);
    }
  }

  private report(error: unknown, where: string): void {
    (this.options.reportError ?? (() => undefined))(error, where);
  }

  private notAnsweredNotice(waitedSeconds: number): CaseNotice {
    const { content } = this.options;
    const { wording } = this;
    return {
      from: 'bot',
      info: {
        title: wording.text('handoff.notAnswered', { waited: wording.waited(waitedSeconds) }),
        lines: [
          wording.text('handoff.ratherNotWait', { activeContractRoute: lowerFirst(content.fact('P7')) }),
          content.fact('P2'),
        ],
        choices: wording.waitingChoices,
      },
    };
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

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
