import type { NewHandoffCase } from '../../../src/services/handoff/handoffCase';

/** A plain "talk to a person" case of one user in one web chat conversation. */
export function caseRequest(conversationId: string, ownerId: string): NewHandoffCase {
  return {
    id: conversationId,
    channelId: 'webchat',
    ownerId,
    summary: { reason: 'asked_for_person' },
    reference: { conversation: { id: conversationId, isGroup: false, conversationType: '', name: '' } },
    queuedAt: '2026-11-20T10:00:00.000Z',
  };
}
