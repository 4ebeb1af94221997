/**
 * Everything the bench started, stopped in reverse order whatever happens: a normal end, a thrown
 * error, Ctrl-C or SIGTERM. A failing stop does not keep the others from stopping.
 */
export class CleanupStack {
  private readonly steps: Array<{ name: string; stop: () => Promise<void> | void }> = [];

  push(name: string, stop: () => Promise<void> | void): void {
    this.steps.push({ name, stop });
  }

  /** Runs and forgets one step (a server stopped between phases). */
  async release(name: string): Promise<void> {
    const index = this.steps.findIndex((step) => step.name === name);
    if (index < 0) return;
    const [step] = this.steps.splice(index, 1);
    await step.stop();
  }

  async stopAll(): Promise<void> {
    while (this.steps.length > 0) {
      const step = this.steps.pop() as (typeof this.steps)[number];
      try {
        await step.stop();
      } catch (error) {
        console.error(`could not stop ${step.name}: ${(error as Error).message}`);
      }
    }
  }

  /** Stops everything on SIGINT / SIGTERM / SIGHUP before the process ends. */
  stopOnSignals(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        console.error(`\n${signal}: stopping everything the bench started`);
        this.stopAll().finally(() => process.exit(130));
      });
    }
  }
}
