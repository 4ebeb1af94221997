import { randomUUID } from 'node:crypto';

/** An anonymous widget visitor on the local Direct Line: a token, a conversation, posts. */
export class DirectLineVisitor {
  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    private readonly token: string,
    private readonly headers: Record<string, string>,
  ) {}

  /** Generates a token and starts its conversation (with extra `headers` on every request); throws unless both succeed. */
  static async open(baseUrl: string, headers: Record<string, string> = {}): Promise<DirectLineVisitor> {
    const generated = await fetch(`${baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ anonymousId: `visitor-${randomUUID()}` }),
    });
    if (generated.status !== 200) throw new Error(`tokens/generate answered ${generated.status}`);
    const ticket = (await generated.json()) as { conversationId: string; token: string };
    const started = await fetch(`${baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ticket.token}`, ...headers },
    });
    if (started.status !== 201) throw new Error(`POST conversations answered ${started.status}`);
    return new DirectLineVisitor(baseUrl, ticket.conversationId, ticket.token, headers);
  }

  /** Posts an activity; answers the status, the Retry-After header and the body. */
  async post(
    activity: Record<string, unknown>,
  ): Promise<{ status: number; retryAfter: string | null; body: unknown }> {
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.token}`,
          ...this.headers,
        },
        body: JSON.stringify({ from: { id: 'ignored' }, ...activity }),
      },
    );
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: await response.json(),
    };
  }
}
