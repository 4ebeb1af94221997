/** An activity as the local Direct Line answers it to the page. */
export interface ChannelActivity {
  id?: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  [key: string]: unknown;
}

/**
 * A widget user over the bot's local Direct Line, as the page's Web Chat talks to it: a token bound
 * to the user at /tokens/generate, then posting and reading the conversation with that token.
 */
export class WidgetConversation {
  private constructor(
    private readonly baseUrl: string,
    readonly conversationId: string,
    readonly token: string,
    readonly userId: string,
  ) {}

  /** An anonymous visitor (the id the browser keeps), greeted once the conversation starts. */
  static async open(baseUrl: string, anonymousId: string): Promise<WidgetConversation> {
    const response = await fetch(`${baseUrl}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ anonymousId }),
    });
    if (response.status !== 200) throw new Error(`tokens/generate answered ${response.status}`);
    const ticket = (await response.json()) as { conversationId: string; token: string; userId: string };
    const widget = new WidgetConversation(baseUrl, ticket.conversationId, ticket.token, ticket.userId);
    const started = await fetch(`${baseUrl}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${widget.token}` },
    });
    if (started.status !== 201) throw new Error(`starting the conversation answered ${started.status}`);
    return widget;
  }

  /** Posts as the page does; answers the status (200 once the bot has handled the turn). */
  async post(activity: Record<string, unknown>): Promise<number> {
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      },
    );
    await response.body?.cancel();
    return response.status;
  }

  async say(text: string): Promise<number> {
    return this.post({ type: 'message', text });
  }

  /** Everything in the conversation so far, the user's activities and the bot's. */
  async activities(): Promise<ChannelActivity[]> {
    const response = await fetch(
      `${this.baseUrl}/v3/directline/conversations/${this.conversationId}/activities`,
      { headers: { authorization: `Bearer ${this.token}` } },
    );
    return ((await response.json()) as { activities: ChannelActivity[] }).activities;
  }

  /** The bot's texts, in order. */
  async botTexts(): Promise<string[]> {
    return (await this.activities())
      .filter((activity) => activity.from.role === 'bot')
      .map((activity) => activity.text ?? '');
  }

  /** Polls until a bot text matches; throws with what arrived when none does in time. */
  async waitForBotText(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.botTexts();
      const found = texts.find((text) => pattern.test(text));
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`No bot text matched ${pattern}; got ${JSON.stringify(texts)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
