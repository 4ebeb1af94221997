import type { TurnContext } from 'botbuilder';
import type { TurnUnderstanding } from '../understanding/TurnUnderstanding';
import type { KnownSlots, SlotValues } from './KnownSlots';

/**
 * Keeps what a message says about the case for every later question. The refund day and the amount
 * are taken only the first time: a later, different value is a correction, which the policy handles
 * so the user sees what changed.
 */
export async function rememberFromTurn(
  slots: KnownSlots,
  context: TurnContext,
  understanding: TurnUnderstanding,
): Promise<void> {
  const { entities } = understanding;
  const known = await slots.get(context);
  // "he just sent it" once a refund request is spoken of (awaited or asked about): that request, arrived.
  const refundRequested =
    entities.refundRequested ??
    (known.refundRequested !== undefined && entities.itArrived ? true : undefined);
  const changes: SlotValues = {
    contractState: entities.contractState,
    // Escrow is how fixed-price contracts pay: money said to be in escrow tells the contract's type.
    contractType: entities.contractType ?? (entities.escrowFunded === true ? 'fixed' : undefined),
    role: entities.role,
    refundRequested,
    escrowFunded: entities.escrowFunded ?? (refundRequested === true ? true : undefined),
    milestone: entities.milestone,
    delivered: entities.delivered,
    deliveryWords: entities.delivered === true ? understanding.said : undefined,
  };
  if (!known.arrival && refundRequested === true && entities.date?.kind === 'resolved') {
    changes.arrival = {
      arrivedAt: entities.date.arrivedAt.toISOString(),
      precision: entities.date.precision,
    };
  }
  if (!known.amount && entities.money)
    changes.amount = { value: entities.money.amount, currency: entities.money.currency };
  if (Object.values(changes).some((value) => value !== undefined)) await slots.update(context, changes);
}
