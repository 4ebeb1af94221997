import type { ConversationReference } from 'botbuilder';
import type { DisputeChange } from '../disputes/DisputeService';
import {
  DisputeEvent,
  RecommendationAnswer,
  recommendationAnswerSchema,
  RecommendationParty,
  recommendationPartySchema,
  Stage,
} from '../disputes/schemas';

/**
 * One change to tell a dispute's owner about: everything the message needs, so delivery (maybe in
 * another process, maybe after retries) does not depend on the dispute's later state.
 */
export interface DisputeNotice {
  readonly disputeId: string;
  /** The change's position in the dispute's history: with the id, it names the change uniquely. */
  readonly sequence: number;
  readonly event: DisputeEvent;
  readonly from?: Stage;
  readonly to?: Stage;
  /** Who answered the recommendation, and how (recommendation_response only). */
  readonly response?: { party: RecommendationParty; answer: RecommendationAnswer };
  /** The specialist's recommendation or the arbitrator's decision, shown to the user as written. */
  readonly quoted?: string;
  readonly conversationReference: Partial<ConversationReference>;
}

/**
 * Events the owner causes in the dispute's own conversation are confirmed in that same turn; a
 * proactive copy would repeat it. A change from anywhere else (another conversation, a person, no chat
 * at all) is told in the conversation the dispute belongs to, so a change made as them is never silent.
 */
function isOwnActionInItsConversation(change: DisputeChange): boolean {
  const ownConversation = change.dispute.conversationReference?.conversation?.id;
  return (
    change.actor.role === 'user' &&
    change.actor.id === change.dispute.ownerId &&
    change.conversationId !== undefined &&
    change.conversationId === ownConversation
  );
}

/** The notice for a change, or undefined when there is nobody to tell or nothing they do not already know. */
export function noticeFromChange(change: DisputeChange): DisputeNotice | undefined {
  const { dispute, event } = change;
  if (!dispute.conversationReference || isOwnActionInItsConversation(change)) return undefined;
  return {
    disputeId: dispute.id,
    sequence: dispute.history.length,
    event,
    ...(change.from ? { from: change.from } : {}),
    ...(change.to ? { to: change.to } : {}),
    ...responseOf(change),
    ...quotedOf(change),
    conversationReference: dispute.conversationReference,
  };
}

/** A deterministic job id: enqueuing the same change twice sends one message. */
export function noticeJobId(notice: DisputeNotice): string {
  return `notice.${notice.disputeId}.${notice.sequence}`;
}

function responseOf(change: DisputeChange): Pick<DisputeNotice, 'response'> {
  if (change.event !== 'recommendation_response') return {};
  // The service writes the note as "<party> <answer>" for this event.
  const [party, answer] = (change.dispute.history.at(-1)?.note ?? '').split(' ');
  const parsedParty = recommendationPartySchema.safeParse(party);
  const parsedAnswer = recommendationAnswerSchema.safeParse(answer);
  return parsedParty.success && parsedAnswer.success
    ? { response: { party: parsedParty.data, answer: parsedAnswer.data } }
    : {};
}

function quotedOf(change: DisputeChange): Pick<DisputeNotice, 'quoted'> {
  if (change.event === 'recommendation_issued' && change.dispute.recommendation)
    return { quoted: change.dispute.recommendation.text };
  if (change.event === 'decision_recorded' && change.dispute.decision)
    return { quoted: change.dispute.decision.text };
  return {};
}
