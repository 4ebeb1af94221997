import { randomUUID } from 'node:crypto';

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: Array<{ contentType: string; content: unknown }>;
  suggestedActions?: { actions: Array<{ title?: string; value?: unknown }> };
  name?: string;
  value?: unknown;
  [key: string]: unknown;
}

/**
 * One user talking to the bot over HTTP with deliveryMode "expectReplies", the way the Emulator,
 * a load tool or another service would: each send returns the bot's replies to that turn.
 */
export class BotConversation {
  readonly conversationId: string;

  constructor(
    private readonly baseUrl: string,
    readonly options: {
      channelId?: string;
      userId?: string;
      conversationId?: string;
      localTimezone?: string;
    } = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${randomUUID()}`;
  }

  get userId(): string {
    return this.options.userId ?? `user-${this.conversationId}`;
  }

  async send(text: string, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
    return this.post({ type: 'message', text, ...extra });
  }

  async start(): Promise<ReplyActivity[]> {
    return this.post({
      type: 'conversationUpdate',
      membersAdded: [{ id: this.userId }],
    });
  }

  async post(fields: Record<string, unknown>): Promise<ReplyActivity[]> {
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: this.options.channelId ?? 'emulator',
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: this.conversationId },
        from: { id: this.userId, name: 'Test User' },
        recipient: { id: 'bot', name: 'Dispute Assistant' },
        deliveryMode: 'expectReplies',
        timestamp: new Date().toISOString(),
        localTimezone: this.options.localTimezone,
        ...fields,
      }),
    });
    if (response.status !== 200) {
      throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
    }
    const body = (await response.json()) as { activities?: ReplyActivity[] };
    return body.activities ?? [];
  }
}

/** All reply texts of a turn joined, for assertions about what the user reads. */
export function textOf(replies: ReplyActivity[]): string {
  return replies
    .map((reply) => reply.text ?? '')
    .filter(Boolean)
    .join('\n');
}
