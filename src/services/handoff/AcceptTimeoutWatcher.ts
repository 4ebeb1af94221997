import type { Logger } from '../logging/logger';
import type { HandoffService } from './HandoffService';

/**
 * Looks now and then for users nobody accepted within the configured time and tells them (once,
 * across every process: the store's claim decides who sends). The timer does not keep the process up.
 */
export class AcceptTimeoutWatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly handoff: HandoffService,
    private readonly timeoutSeconds: number,
    private readonly logger: Logger,
  ) {}

  /** Checks at a quarter of the timeout (at least every 15 s, at most every 250 ms). */
  start(): void {
    if (this.timer) return;
    const everyMs = Math.min(15_000, Math.max(250, (this.timeoutSeconds * 1000) / 4));
    this.timer = setInterval(() => void this.checkOnce(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; a pass still running is not started twice. */
  async checkOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.handoff
      .notifyUnansweredCases(this.timeoutSeconds, (error) =>
        this.logger.warn(
          { event: 'handoff_timeout_notice_failed', error: (error as Error).message },
          'Could not tell a waiting user that nobody accepted yet',
        ),
      )
      .then((told) => {
        if (told > 0) this.logger.info({ event: 'handoff_timeout_notices', told }, 'Told waiting users');
      })
      .catch((error: Error) =>
        this.logger.warn(
          { event: 'handoff_timeout_check_failed', error: error.message },
          'Timeout check failed',
        ),
      )
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
