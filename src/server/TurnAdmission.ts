import type { TurnSlot } from '../bot/TurnSlot';

type Wake = () => void;

/**
 * At most `limit` turns are processed at once; later requests wait their turn in arrival order, so an
 * overload queues requests instead of growing memory with every turn in flight. A turn gives its slot
 * up while it posts replies to the channel (TurnSlot, used by CheckedActivityAdapter), so the limit
 * bounds turns that compute or wait on Redis, not turns waiting on Teams or Slack. A turn coming back
 * from the channel gets the next free slot before any new turn: turns already started finish first.
 * A slot is then held for about 1 ms of CPU and three Redis round trips, so 16 slots (the default)
 * pass thousands of turns a second, more than two cores compute. heapAfterLoad, 256 conversations:
 * RSS after load 225–227 MB with 16 slots, 235–239 with 32, 248–261 with 256.
 */
export class TurnAdmission {
  private running = 0;
  private readonly arriving: Wake[] = [];
  private readonly returning: Wake[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error('TurnAdmission needs a limit of at least 1');
  }

  /** Turns waiting for a slot, new or back from the channel (a metric, and for tests). */
  get queued(): number {
    return this.arriving.length + this.returning.length;
  }

  async run<T>(turn: (slot: TurnSlot) => Promise<T>): Promise<T> {
    await this.take(this.arriving);
    const slot = new AdmittedTurn(this);
    try {
      return await turn(slot);
    } finally {
      slot.finish();
    }
  }

  /** For a turn back from the channel: the next free slot, before any new turn. */
  takeAgain(): Promise<void> | undefined {
    return this.take(this.returning);
  }

  /** Hands the slot to a waiting turn, or frees it. */
  give(): void {
    const next = this.returning.shift() ?? this.arriving.shift();
    if (next) next();
    else this.running--;
  }

  private take(queue: Wake[]): Promise<void> | undefined {
    if (this.running < this.limit) {
      this.running++;
      return undefined;
    }
    // The slot is handed over by the turn that gives it up, so `running` stays counted meanwhile.
    return new Promise<void>((resolve) => queue.push(resolve));
  }
}

/** One admitted turn's slot: given up while the turn waits on the channel, and when the turn ends. */
class AdmittedTurn implements TurnSlot {
  private holding = true;
  /** Waits on the channel not yet back (a turn may post several replies at once). */
  private away = 0;
  private finished = false;

  constructor(private readonly admission: TurnAdmission) {}

  async releasedWhile<T>(wait: () => Promise<T>): Promise<T> {
    if (this.away++ === 0 && this.holding) {
      this.holding = false;
      this.admission.give();
    }
    try {
      return await wait();
    } finally {
      if (--this.away === 0 && !this.finished) await this.comeBack();
    }
  }

  finish(): void {
    this.finished = true;
    if (this.holding) {
      this.holding = false;
      this.admission.give();
    }
  }

  private async comeBack(): Promise<void> {
    await this.admission.takeAgain();
    // A send the turn did not await may come back after the turn ended: the slot goes on at once.
    if (this.finished || this.away > 0) this.admission.give();
    else this.holding = true;
  }
}
