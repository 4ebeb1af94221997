import type { SeenActivities } from '../../resilience/SeenActivities';

/** Seen activities in this process's memory (embedded mode), dropped after the TTL. */
export class InMemorySeenActivities implements SeenActivities {
  // Insertion order is expiry order (one fixed TTL), so the oldest entries are swept from the front.
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async markSeen(key: string): Promise<boolean> {
    this.sweep();
    if (this.expiries.has(key)) return false;
    this.expiries.set(key, this.now() + this.ttlSeconds * 1000);
    return true;
  }

  async forget(key: string): Promise<void> {
    this.expiries.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, expiresAt] of this.expiries) {
      if (expiresAt > now) return;
      this.expiries.delete(key);
    }
  }
}
