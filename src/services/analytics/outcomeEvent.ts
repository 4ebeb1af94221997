import type { HandoffReason } from '../handoff/caseSummary';

/** The stages of filing on an ended contract, in the order a user reaches them. */
export const FUNNEL_STAGES = ['started', 'deadline_given', 'claim_written', 'recorded'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Why a conversation went to a person: the hand-off summary's reason. */
export type HandoffOutcomeReason = HandoffReason;

/**
 * Something that happened in a conversation, as the support team counts it. Nothing here holds what
 * the user wrote, except a not-understood message, which is masked before it is kept.
 */
export type OutcomeEvent =
  /** A topic the user came for (a flow or an answer; greetings and help are not topics). */
  | { kind: 'topic_started'; topic: string }
  | { kind: 'flow_completed'; topic: string }
  /** The user left a flow before its end (cancel, start over, another topic); `step` says where. */
  | { kind: 'flow_abandoned'; topic: string; step: string }
  /** Resolved without a person: a dispute recorded, or thanks/goodbye after an answer. */
  | { kind: 'contained' }
  | { kind: 'handed_off'; reason: HandoffOutcomeReason }
  /** A person accepted the case this long after the user entered the queue. */
  | { kind: 'handoff_accepted'; waitSeconds: number }
  /** The refund request's answer window had already closed when the user arrived. */
  | { kind: 'deadline_passed' }
  | { kind: 'funnel'; stage: FunnelStage }
  /** The assistant asked to clarify or could not help; `text` is masked, and dropped where not kept. */
  | { kind: 'not_understood'; guessedIntent: string; score: number; text?: string }
  | { kind: 'csat_asked' }
  /** A 1–5 satisfaction rating. */
  | { kind: 'csat_rated'; score: number }
  /** The optional comment after a rating, masked. */
  | { kind: 'csat_comment'; comment: string };

/** An event as stored: when, in which conversation (a pseudonym, never the id) and on which channel. */
export type StoredOutcome = OutcomeEvent & { at: string; session: string; channel: string };
