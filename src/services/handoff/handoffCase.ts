import type { Dispute } from '../disputes/schemas';
import type { CaseSummary } from './caseSummary';

/**
 * Where proactive messages to the user go: the channel's conversation reference, kept as the bot
 * handed it over (the same type a dispute keeps), so this domain never names the SDK itself.
 */
export type ConversationAddress = NonNullable<Dispute['conversationReference']>;

/** waiting: in the queue; accepted: a person has it (the bot stays quiet); closed: the bot answers again. */
export type HandoffStatus = 'waiting' | 'accepted' | 'closed';

/** Why a case stopped being open. */
export type HandoffEnd = 'left_queue' | 'handed_back' | 'closed' | 'hub_completed' | 'hub_failed';

/** What is fixed when the user enters the queue. */
export interface NewHandoffCase {
  /** The conversation id: one open case per conversation. */
  id: string;
  channelId: string;
  ownerId: string;
  summary: CaseSummary;
  /** Where proactive messages to the user go. */
  reference: ConversationAddress;
  queuedAt: string;
}

export interface HandoffCase extends NewHandoffCase {
  status: HandoffStatus;
  agentId?: string;
  acceptedAt?: string;
  closedAt?: string;
  endedBy?: HandoffEnd;
  disputeId?: string;
  /** Set once, by whichever process told the user that nobody accepted in time. */
  timeoutNotifiedAt?: string;
}

/** One message between the user and the person handling the case; seq grows by one per case. */
export interface CaseMessage {
  seq: number;
  at: string;
  from: 'user' | 'agent';
  text: string;
}

export function isOpenCase(status: HandoffStatus): boolean {
  return status !== 'closed';
}
