import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { CaseClock } from './caseSchema';
import type { ReplyActivity } from './observeTurn';

/**
 * One evaluation user on one channel, talking to the real HTTP endpoint with deliveryMode
 * "expectReplies". The user's clock is fixed by the case (`timestamp`, `localTimestamp`,
 * `localTimezone`), each turn a minute after the last, so every deadline has one right answer.
 */
export class EvalConversation {
  private readonly conversationId = `eval-${randomUUID()}`;
  private readonly userId = `eval-user-${randomUUID()}`;
  private turn = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly channelId: string,
    private readonly clock: CaseClock,
  ) {}

  async send(text: string): Promise<ReplyActivity[]> {
    const at = DateTime.fromISO(this.clock.local, { zone: this.clock.zone }).plus({ minutes: this.turn });
    if (!at.isValid) throw new Error(`bad case clock ${this.clock.local} ${this.clock.zone}`);
    this.turn += 1;
    const response = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text,
        channelId: this.channelId,
        serviceUrl: 'http://127.0.0.1:1',
        conversation: { id: this.conversationId },
        from: { id: this.userId, name: 'Evaluation User' },
        recipient: { id: 'bot', name: 'Dispute Assistant' },
        deliveryMode: 'expectReplies',
        timestamp: at.toUTC().toISO(),
        localTimestamp: at.toISO(),
        localTimezone: this.clock.zone,
      }),
    });
    if (response.status !== 200) {
      throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
    }
    const body = (await response.json()) as { activities?: ReplyActivity[] };
    return body.activities ?? [];
  }
}
