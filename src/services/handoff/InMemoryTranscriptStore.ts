import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';

interface Kept {
  entries: TranscriptEntry[];
  expiresAt: number;
}

/** The embedded-mode transcripts: same bounds and expiry as in Redis, in this process only. */
export class InMemoryTranscriptStore implements TranscriptStore {
  private readonly conversations = new Map<string, Kept>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async append(conversationId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const kept = this.live(conversationId) ?? { entries: [], expiresAt: 0 };
    kept.entries.push(...entries.map((entry) => ({ ...entry })));
    if (kept.entries.length > this.maxEntries) kept.entries.splice(0, kept.entries.length - this.maxEntries);
    kept.expiresAt = this.now() + this.ttlSeconds * 1000;
    this.conversations.set(conversationId, kept);
    this.sweep();
  }

  async read(conversationId: string): Promise<TranscriptEntry[]> {
    return (this.live(conversationId)?.entries ?? []).map((entry) => ({ ...entry }));
  }

  private live(conversationId: string): Kept | undefined {
    const kept = this.conversations.get(conversationId);
    if (kept && kept.expiresAt <= this.now()) {
      this.conversations.delete(conversationId);
      return undefined;
    }
    return kept;
  }

  /** Drops expired conversations now and then, so a long-running process does not keep them all. */
  private sweep(): void {
    if (this.conversations.size % 100 !== 0) return;
    for (const id of [...this.conversations.keys()]) this.live(id);
  }
}
