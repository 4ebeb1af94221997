import { headlineOf, summaryLines } from '../../services/handoff/caseSummary';
import type { HandoffCase } from '../../services/handoff/handoffCase';
import type { HandoffWording } from '../../services/handoff/handoffWording';
import type { Dispute } from '../../services/disputes/schemas';

/** A case as agents see it: no conversation reference (service URLs are the bot's business). */
export function caseView(item: HandoffCase, now: Date, wording: HandoffWording) {
  return {
    id: item.id,
    channelId: item.channelId,
    status: item.status,
    headline: headlineOf(item.summary, wording),
    summary: { ...item.summary, lines: summaryLines(item.summary, wording) },
    queuedAt: item.queuedAt,
    waitingSeconds: Math.max(0, Math.round((now.getTime() - Date.parse(item.queuedAt)) / 1000)),
    agentId: item.agentId,
    acceptedAt: item.acceptedAt,
    closedAt: item.closedAt,
    endedBy: item.endedBy,
    disputeId: item.disputeId,
    timeoutNotifiedAt: item.timeoutNotifiedAt,
  };
}

export function disputeView(dispute: Dispute) {
  const { conversationReference: _reference, ...shown } = dispute;
  return shown;
}
