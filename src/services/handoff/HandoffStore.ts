import type { CaseMessage, HandoffCase, HandoffEnd, NewHandoffCase } from './handoffCase';

/** Outcome of accepting: the case as it now is, or why it could not be taken. */
export type AcceptResult =
  | { accepted: true; case: HandoffCase; /** false when this agent had already accepted it */ newly: boolean }
  | { accepted: false; reason: 'not_found' | 'closed' | 'taken'; case?: HandoffCase };

/**
 * The hand-off queue: one open case per conversation and per user, the open ones listed by the time they were queued.
 * Redis in production (shared by every bot process), memory in embedded mode; same behaviour.
 * Every state change is a compare-and-set, so two agents or two processes never both win.
 */
export interface HandoffStore {
  /**
   * Queues a new case; false when the conversation already has an open one, or its owner has one in
   * another conversation. Decided atomically: two requests at once from one user queue one case.
   */
  enqueue(newCase: NewHandoffCase): Promise<boolean>;
  get(id: string): Promise<HandoffCase | undefined>;
  /** Open cases (waiting and accepted), oldest first. */
  listOpen(): Promise<HandoffCase[]>;
  /** waiting -> accepted by this agent; accepting again by the same agent is a no-op success. */
  accept(id: string, agentId: string, at: string): Promise<AcceptResult>;
  /** Any open status -> closed; undefined when there was no open case (then nothing changed). */
  close(id: string, endedBy: HandoffEnd, at: string): Promise<HandoffCase | undefined>;
  setDisputeId(id: string, disputeId: string): Promise<void>;
  /** Ids of waiting cases queued at or before `queuedBefore`. */
  waitingSince(queuedBefore: Date): Promise<string[]>;
  /** True for exactly one caller per case, and only while it is still waiting. */
  claimTimeoutNotice(id: string, at: string): Promise<HandoffCase | undefined>;
  /** Appends to the case's message log (bounded); undefined when the case does not exist. */
  appendMessage(id: string, message: Omit<CaseMessage, 'seq'>): Promise<number | undefined>;
  messagesAfter(id: string, afterSeq: number): Promise<CaseMessage[]>;
}
