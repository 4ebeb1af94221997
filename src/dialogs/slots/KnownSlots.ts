import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { ContractState } from '../../services/nlu/entities/contractState';
import type { ContractType } from '../../services/nlu/entities/contractType';
import type { SpeakerRole } from '../../services/nlu/entities/speakerRole';
import type { ArrivalPrecision } from '../../services/time';

/** When the refund request arrived, as an instant (JSON-safe for conversation state). */
export interface KnownArrival {
  arrivedAt: string;
  precision: ArrivalPrecision;
}

/**
 * What the user has told the assistant in any message of this conversation: a flow reads a slot from
 * here before asking, and a correction changes it here, so whatever depends on it is recomputed.
 */
export interface SlotValues {
  contractState?: ContractState;
  contractType?: ContractType;
  role?: SpeakerRole;
  refundRequested?: boolean;
  /** Whether money was held in escrow (a refund request of the escrow says it was). */
  escrowFunded?: boolean;
  arrival?: KnownArrival;
  amount?: { value: number; currency: string };
  /** The milestone in the user's words. */
  milestone?: string;
  delivered?: boolean;
  /** The user's own words about the delivery, kept for the case summary. */
  deliveryWords?: string;
}

/** The slots of one conversation, kept in conversation state. */
export class KnownSlots {
  constructor(private readonly accessor: StatePropertyAccessor<SlotValues>) {}

  async get(context: TurnContext): Promise<SlotValues> {
    return this.accessor.get(context, {});
  }

  async update(context: TurnContext, changes: SlotValues): Promise<SlotValues> {
    const merged = { ...(await this.get(context)), ...definedOnly(changes) };
    await this.accessor.set(context, merged);
    return merged;
  }

  /** Forgets everything (start over, cancel, a finished filing): a new case starts clean. */
  async clear(context: TurnContext): Promise<void> {
    await this.accessor.set(context, {});
  }
}

function definedOnly(values: SlotValues): SlotValues {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
