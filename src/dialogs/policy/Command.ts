import type { RetrievedTopic } from '../../services/nlu/ContentRetriever';
import type { NearScopeTopic } from '../../services/nlu/entities/nearScopeTopic';
import type { IntentName } from '../../services/nlu/intents';
import type { GuideIntent } from '../guide/guideTopics';
import type { SlotName } from './SlotName';

/** A topic that begins a flow, or a menu topic the main dialog runs. */
export type FlowTopic = 'eligibility' | 'file_ended' | 'file_active' | 'my_disputes';

export type CannotHandleReason = 'hourly' | 'client' | NearScopeTopic;

export type ChitchatTopic = 'greeting' | 'thanks' | 'goodbye' | 'bot_identity';

/** What the dialogue policy decides to do with one message (Rasa CALM's commands, done locally). */
export type Command =
  /** Let the waiting step take the message as its answer. */
  | { kind: 'fill_slot' }
  /** alsoAsked: a question said with it ("..., what if I ignore it?"), answered before the flow starts. */
  | { kind: 'start_flow'; topic: FlowTopic; alsoAsked?: RetrievedTopic }
  /** A corrected slot: the flow updates it and shows what changed because of it. */
  | { kind: 'correct_slot'; slot: 'arrival' | 'amount'; alsoAsked?: RetrievedTopic }
  /** The contract's state was corrected: the other flow applies. */
  | { kind: 'switch_flow'; topic: 'file_ended' | 'file_active' }
  /** "I don't know", "not yet", "how do I check?" at a prompt. */
  | { kind: 'slot_help'; slot: SlotName; notYet: boolean }
  | { kind: 'answer'; guide: GuideIntent }
  | { kind: 'answer_retrieved'; topic: RetrievedTopic }
  /** Coverage in general ("which situations does it apply to?"), not the user's own case. */
  | { kind: 'clarify'; options: IntentName[] }
  | { kind: 'clarify_contract_state' }
  | { kind: 'cancel' }
  | { kind: 'start_over' }
  | { kind: 'help' }
  | { kind: 'chitchat'; topic: ChitchatTopic }
  | { kind: 'handoff' }
  /** A question about where to get help: the pointer, and a person offered, not queued. */
  | { kind: 'point_to_help' }
  | { kind: 'cannot_handle'; reason: CannotHandleReason }
  | { kind: 'out_of_scope' };
