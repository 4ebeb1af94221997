import { Activity, ConnectionStatus, DirectLine } from 'botframework-directlinejs';
import type { Subscription } from 'rxjs/Subscription';
import { fetchAjax } from './fetchAjax';

class PollingOnly {
  constructor() {
    throw new Error('these tests use Direct Line polling; no WebSocket is opened');
  }
}

/** One botframework-directlinejs client in polling mode, recording every activity it receives. */
export class DirectLineSession {
  readonly received: Activity[] = [];
  private readonly subscription: Subscription;

  constructor(
    baseUrl: string,
    options: { token: string; conversationId?: string; watermark?: string },
    readonly client = new DirectLine({
      ...options,
      domain: `${baseUrl}/v3/directline`,
      webSocket: false,
      pollingInterval: 200,
      ajax: fetchAjax,
      // Polling only: the library reads this service even when webSocket is false; it is never built.
      WebSocket: PollingOnly as unknown as typeof WebSocket,
    }),
  ) {
    this.subscription = client.activity$.subscribe((activity) => this.received.push(activity));
  }

  /** Posts a message and resolves with the id the channel gave it. */
  send(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    return new Promise((resolve, reject) => {
      this.client
        .postActivity({ type: 'message', from: { id: 'someone-else' }, text, ...extra } as Activity)
        .subscribe({ next: resolve, error: reject });
    });
  }

  /** Waits until an activity matching the predicate has arrived (the poller runs every 200 ms). */
  async waitFor(
    predicate: (activity: Activity) => boolean,
    what: string,
    timeoutMs = 15000,
  ): Promise<Activity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no activity ${what} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  get status(): ConnectionStatus {
    return this.client.connectionStatus$.getValue();
  }

  end(): void {
    this.subscription.unsubscribe();
    this.client.end();
  }
}

export function textOfActivity(activity: Activity): string {
  return 'text' in activity && typeof activity.text === 'string' ? activity.text : '';
}

/** directlinejs's Activity type leaves replyToId out, though the service (and this channel) send it. */
export function replyToOf(activity: Activity): string | undefined {
  return (activity as Activity & { replyToId?: string }).replyToId;
}
