import http from 'node:http';
import type { ConversationReference } from 'botbuilder';

/** A message the stub accepted (answered 200). */
export interface DeliveredActivity {
  conversationId: string;
  text: string;
  /** When it arrived (ms since the epoch). */
  at: number;
  activity: Record<string, unknown>;
}

/** Decides the status of one request; `request` counts the requests to the conversation from 1. */
export type ConnectorAnswer = (call: { conversationId: string; request: number }) => number;

/**
 * A channel's connector endpoint on a local port, standing in for the Bot Framework service: the bot
 * POSTs its proactive messages to `/v3/conversations/:id/activities[/:replyToId]` at the reference's
 * serviceUrl. With no MicrosoftAppId configured the adapter sends them without a token.
 */
export class ConnectorStub {
  readonly delivered: DeliveredActivity[] = [];
  readonly requests: Array<{ conversationId: string; status: number }> = [];
  private readonly answers = new Map<string, ConnectorAnswer>();

  private readonly server = http.createServer((request, response) => this.handle(request, response));
  private url_ = '';

  private constructor() {}

  static async start(): Promise<ConnectorStub> {
    const stub = new ConnectorStub();
    await new Promise<void>((resolve) => stub.server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = stub.server.address() as { port: number };
    stub.url_ = `http://127.0.0.1:${port}`;
    return stub;
  }

  /** Where the bot posts: the serviceUrl of the references below. */
  get url(): string {
    return this.url_;
  }

  /** A reference like the one the bot stores when a user files from a conversation on this channel. */
  reference(conversationId: string, channelId = 'webchat'): Partial<ConversationReference> {
    return {
      channelId,
      serviceUrl: this.url,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      bot: { id: 'bot', name: 'Dispute Assistant' },
      user: { id: `user-${conversationId}`, name: 'Freelancer' },
    };
  }

  /** How the endpoint answers for one conversation (200 for any other). */
  answer(conversationId: string, answer: ConnectorAnswer): void {
    this.answers.set(conversationId, answer);
  }

  deliveredTo(conversationId: string): DeliveredActivity[] {
    return this.delivered.filter((entry) => entry.conversationId === conversationId);
  }

  requestsTo(conversationId: string): number {
    return this.requests.filter((entry) => entry.conversationId === conversationId).length;
  }

  /** Polls until the check holds; throws with the last state when it does not within the time. */
  async waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(request.url ?? '');
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (request.method !== 'POST' || !match) {
        response.writeHead(404).end();
        return;
      }
      const conversationId = decodeURIComponent(match[1]);
      const request_ = this.requestsTo(conversationId) + 1;
      const status = this.answers.get(conversationId)?.({ conversationId, request: request_ }) ?? 200;
      this.requests.push({ conversationId, status });
      if (status === 200) {
        const activity = JSON.parse(body) as Record<string, unknown>;
        this.delivered.push({ conversationId, text: String(activity.text ?? ''), at: Date.now(), activity });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ id: `sent-${this.delivered.length}` }));
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'Failure', message: 'refused by the test' } }));
    });
  }
}
