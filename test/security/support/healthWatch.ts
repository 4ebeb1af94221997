/**
 * Asks /healthz again and again while an attack runs, and keeps how long each answer took: a turn
 * that holds the event loop shows up as one slow answer here, whatever the attack's own reply says.
 */
export class HealthWatch {
  private readonly latencies: number[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(private readonly baseUrl: string) {
    this.loop = this.watch();
  }

  private async watch(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      const response = await fetch(`${this.baseUrl}/healthz`);
      await response.arrayBuffer();
      this.latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Stops and returns every latency seen (ms). */
  async stop(): Promise<number[]> {
    this.running = false;
    await this.loop;
    return this.latencies;
  }
}
