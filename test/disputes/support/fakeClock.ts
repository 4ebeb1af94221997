/** A clock the test moves by hand, so every stored time is known in advance. */
export class FakeClock {
  private current: Date;

  constructor(start = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start);
  }

  readonly now = (): Date => new Date(this.current);

  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }

  iso(): string {
    return this.current.toISOString();
  }
}
