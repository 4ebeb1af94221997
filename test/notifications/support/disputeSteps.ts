import type { ConversationReference } from 'botbuilder';
import type { DisputeService } from '../../../src/services/disputes/DisputeService';
import type { Actor, Dispute } from '../../../src/services/disputes/schemas';

export const MEDIATOR: Actor = { role: 'mediator', id: 'mediator-7' };
export const AGENT: Actor = { role: 'agent', id: 'agent-3' };

/** A claim statement no log line may ever contain. */
export const PRIVATE_STATEMENT = 'Delivered the logo set; client went silent (PRIVATE-CLAIM-MARKER)';

/** Files a dispute as the user does from a chat (the filing dialog stores the conversation reference). */
export async function fileFrom(
  disputes: DisputeService,
  reference: Partial<ConversationReference>,
  options: { owner?: string; deadline?: Date } = {},
): Promise<Dispute> {
  const owner = options.owner ?? `webchat:${reference.user?.id ?? 'someone'}`;
  const { dispute } = await disputes.fileDispute({
    ownerId: owner,
    idempotencyKey: `filing-${reference.conversation?.id}-${Math.random()}`,
    contractKind: 'ended',
    claim: { statement: PRIVATE_STATEMENT },
    ...(options.deadline ? { deadline: options.deadline } : {}),
    conversationReference: reference,
  });
  return dispute;
}
