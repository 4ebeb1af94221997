/**
 * At most `limit` turns are processed at once; later requests wait their turn in arrival order, so an
 * overload queues requests instead of growing memory with every turn in flight. A turn keeps its slot
 * while it posts its replies to the channel, so the limit must stay well above turns per second times
 * the reply latency (MAX_CONCURRENT_TURNS, 256 by default). Bench: with 16 slots the RSS after a
 * 256-conversation level fell from 259 to 228 MB, but that would cap a channel whose replies take
 * 100 ms at 160 turns/s.
 */
export class TurnAdmission {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('TurnAdmission needs a limit of at least 1');
  }

  /** Turns waiting for a slot (a metric, and for tests). */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(turn: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running++;
    // The slot is handed over by the turn that finishes, so `running` stays counted meanwhile.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await turn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
