import type { AcceptResult, HandoffStore } from './HandoffStore';
import { CaseMessage, HandoffCase, HandoffEnd, isOpenCase, NewHandoffCase } from './handoffCase';

/** The embedded-mode queue: this process only, not durable; same contract as RedisHandoffStore. */
export class InMemoryHandoffStore implements HandoffStore {
  private readonly cases = new Map<string, HandoffCase>();
  private readonly messages = new Map<string, CaseMessage[]>();

  constructor(private readonly maxMessagesPerCase: number) {}

  async enqueue(newCase: NewHandoffCase): Promise<boolean> {
    const existing = this.cases.get(newCase.id);
    if (existing && isOpenCase(existing.status)) return false;
    // Checked and set with no await between: two requests at once cannot both pass.
    for (const other of this.cases.values())
      if (other.ownerId === newCase.ownerId && isOpenCase(other.status)) return false;
    this.cases.set(newCase.id, { ...structuredClone(newCase), status: 'waiting' });
    this.messages.set(newCase.id, []);
    return true;
  }

  async get(id: string): Promise<HandoffCase | undefined> {
    const found = this.cases.get(id);
    return found && structuredClone(found);
  }

  async listOpen(): Promise<HandoffCase[]> {
    return [...this.cases.values()]
      .filter((item) => isOpenCase(item.status))
      .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))
      .map((item) => structuredClone(item));
  }

  async accept(id: string, agentId: string, at: string): Promise<AcceptResult> {
    const found = this.cases.get(id);
    if (!found) return { accepted: false, reason: 'not_found' };
    if (found.status === 'closed') return { accepted: false, reason: 'closed', case: structuredClone(found) };
    if (found.status === 'accepted' && found.agentId !== agentId)
      return { accepted: false, reason: 'taken', case: structuredClone(found) };
    const newly = found.status === 'waiting';
    if (newly) Object.assign(found, { status: 'accepted', agentId, acceptedAt: at });
    return { accepted: true, case: structuredClone(found), newly };
  }

  async close(id: string, endedBy: HandoffEnd, at: string): Promise<HandoffCase | undefined> {
    const found = this.cases.get(id);
    if (!found || !isOpenCase(found.status)) return undefined;
    Object.assign(found, { status: 'closed', endedBy, closedAt: at });
    return structuredClone(found);
  }

  async setDisputeId(id: string, disputeId: string): Promise<void> {
    const found = this.cases.get(id);
    if (found) found.disputeId = disputeId;
  }

  async waitingSince(queuedBefore: Date): Promise<string[]> {
    return [...this.cases.values()]
      .filter((item) => item.status === 'waiting' && Date.parse(item.queuedAt) <= queuedBefore.getTime())
      .map((item) => item.id);
  }

  async claimTimeoutNotice(id: string, at: string): Promise<HandoffCase | undefined> {
    const found = this.cases.get(id);
    if (!found || found.status !== 'waiting' || found.timeoutNotifiedAt) return undefined;
    found.timeoutNotifiedAt = at;
    return structuredClone(found);
  }

  async appendMessage(id: string, message: Omit<CaseMessage, 'seq'>): Promise<number | undefined> {
    const log = this.messages.get(id);
    if (!log) return undefined;
    const seq = (log.at(-1)?.seq ?? 0) + 1;
    log.push({ ...message, seq });
    if (log.length > this.maxMessagesPerCase) log.splice(0, log.length - this.maxMessagesPerCase);
    return seq;
  }

  async messagesAfter(id: string, afterSeq: number): Promise<CaseMessage[]> {
    return (this.messages.get(id) ?? []).filter((message) => message.seq > afterSeq).map((m) => ({ ...m }));
  }
}
