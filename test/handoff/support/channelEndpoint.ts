import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An activity the bot sent to the channel outside a turn (a proactive message). */
export interface DeliveredActivity {
  conversationId: string;
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  [key: string]: unknown;
}

/**
 * Plays the channel's connector service (what `serviceUrl` points at): takes the bot's
 * POST /v3/conversations/:id/activities[/:replyToId] and keeps what arrived, per conversation.
 */
export class ChannelEndpoint {
  readonly delivered: DeliveredActivity[] = [];
  private failing = false;
  /** While set, activities are kept but not answered yet (a slow channel). */
  private unanswered: Array<() => void> | undefined;

  private constructor(
    private readonly server: http.Server,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<ChannelEndpoint> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const endpoint = new ChannelEndpoint(server, `http://127.0.0.1:${port}/`);
    server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => endpoint.receive(req, res, body));
    });
    return endpoint;
  }

  /** While set, the endpoint answers 503, like a channel that is down. */
  setFailing(failing: boolean): void {
    this.failing = failing;
  }

  /** Keeps the channel's answers back until the returned function is called (a slow channel). */
  holdAnswers(): () => void {
    const unanswered: Array<() => void> = [];
    this.unanswered = unanswered;
    return () => {
      this.unanswered = undefined;
      for (const answer of unanswered.splice(0)) answer();
    };
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (this.failing) {
      res.statusCode = 503;
      res.end();
      return;
    }
    const activity = JSON.parse(body) as DeliveredActivity;
    this.delivered.push({ ...activity, conversationId: decodeURIComponent(match[1]) });
    const id = `sent-${this.delivered.length}`;
    const answer = () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id }));
    };
    if (this.unanswered) this.unanswered.push(answer);
    else answer();
  }

  /** Texts delivered to one conversation, in order. */
  textsFor(conversationId: string): string[] {
    return this.delivered
      .filter((activity) => activity.conversationId === conversationId)
      .map((activity) => activity.text ?? '');
  }

  /** Waits until a delivered text in that conversation matches (the delivery is asynchronous for some senders). */
  async waitForText(conversationId: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.textsFor(conversationId).find((text) => pattern.test(text));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(
          `No message matching ${pattern} reached ${conversationId}; got: ${JSON.stringify(this.textsFor(conversationId))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
