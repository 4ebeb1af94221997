import { PolicyContent } from '../../src/services/content/PolicyContent';
import type { DisputeService } from '../../src/services/disputes/DisputeService';
import { PrivateRedis } from '../support/privateRedis';
import { CapturingApp, startCapturingApp } from './support/capturingApp';
import { ConnectorStub } from './support/connectorStub';
import { AGENT, fileFrom, MEDIATOR, PRIVATE_STATEMENT } from './support/disputeSteps';

const content = PolicyContent.load();
const RECOMMENDATION = 'Release 60% of the escrow to the freelancer (PRIVATE-RECOMMENDATION-MARKER)';
const DECISION = 'The client pays the full milestone.';

let redis: PrivateRedis;
let stub: ConnectorStub;
let bot: CapturingApp;
let disputes: DisputeService;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  stub = await ConnectorStub.start();
  bot = await startCapturingApp({
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'notify',
    NOTIFICATION_ATTEMPTS: '3',
    NOTIFICATION_BACKOFF_MS: '100',
  });
  disputes = bot.app.services.disputes;
});

afterAll(async () => {
  await bot?.stop();
  await stub?.stop();
  await redis?.destroy();
});

/** Waits for the conversation's next message and returns its text. */
async function nextMessage(conversationId: string, seen: number): Promise<string> {
  await stub.waitFor(() => stub.deliveredTo(conversationId).length > seen, 15000, `message ${seen + 1}`);
  return stub.deliveredTo(conversationId)[seen].text;
}

describe('dispute notifications through BullMQ on Redis', () => {
  it('tells the user about every step from mediation to the arbitration decision, in their conversation', async () => {
    const conversation = 'conv-lifecycle';
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    const id = dispute.id;

    await disputes.transition(id, 'in_mediation', MEDIATOR);
    const inMediation = await nextMessage(conversation, 0);
    expect(inMediation).toContain(`Dispute ${id} is now in mediation.`);
    expect(inMediation).toContain(content.fact('P9'));

    await disputes.issueRecommendation(id, RECOMMENDATION, MEDIATOR);
    const issued = await nextMessage(conversation, 1);
    expect(issued).toContain(RECOMMENDATION);
    expect(issued).toContain(content.fact('P11')); // not binding
    expect(issued).toContain('you can accept the recommendation or reject it');

    await disputes.recordRecommendationResponse(id, 'client', 'accepted', MEDIATOR);
    const clientAnswered = await nextMessage(conversation, 2);
    expect(clientAnswered).toContain(`Your client accepted the recommendation on dispute ${id}.`);
    expect(clientAnswered).toContain('give your own answer');

    await disputes.recordRecommendationResponse(id, 'freelancer', 'rejected', MEDIATOR);
    const rejected = await nextMessage(conversation, 3);
    expect(rejected).toContain(`You rejected the recommendation on dispute ${id}.`);
    expect(rejected).toContain(content.fact('P12')); // binding arbitration by the configured provider
    expect(rejected).toContain('American Arbitration Association');
    expect(rejected).toContain(content.fact('P13')); // the fee split

    await disputes.transition(id, 'arbitration', MEDIATOR);
    const arbitration = await nextMessage(conversation, 4);
    expect(arbitration).toContain(`Dispute ${id} has moved to arbitration.`);
    expect(arbitration).toContain(content.fact('P13'));

    await disputes.recordDecision(id, DECISION, MEDIATOR);
    const decided = await nextMessage(conversation, 5);
    expect(decided).toContain(`The arbitrator has decided dispute ${id}:`);
    expect(decided).toContain(DECISION);

    // Six changes by the mediator, six messages: nothing doubled, and the user's own filing was
    // already confirmed in their turn, so it is not repeated.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stub.deliveredTo(conversation)).toHaveLength(6);
    expect(
      stub.deliveredTo(conversation).every((m) => m.text.startsWith(`Update on your dispute ${id}`)),
    ).toBe(true);
  });

  it('tells the user when the client did not respond and when an agent withdrew the dispute', async () => {
    const conversation = 'conv-withdrawn';
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);
    await nextMessage(conversation, 0);

    await disputes.recordClientUnresponsive(dispute.id, MEDIATOR);
    const unresponsive = await nextMessage(conversation, 1);
    expect(unresponsive).toContain('could not reach your client');
    expect(unresponsive).toContain(content.fact('P10'));

    await disputes.transition(dispute.id, 'withdrawn', AGENT, 'asked by phone');
    expect(await nextMessage(conversation, 2)).toContain(
      `Dispute ${dispute.id} has been withdrawn and is now closed.`,
    );
  });

  it('does not echo what the user did themselves in the chat (filing, withdrawing)', async () => {
    const conversation = 'conv-own-actions';
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.withdraw(dispute.ownerId, dispute.id, undefined, { conversationId: conversation });
    // A marker change by the mediator on another dispute in the same conversation shows the queue ran.
    const other = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(other.id, 'in_mediation', MEDIATOR);
    expect(await nextMessage(conversation, 0)).toContain(other.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stub.deliveredTo(conversation)).toHaveLength(1);
  });

  it("tells the user in the dispute's own conversation when a change as them comes from another one", async () => {
    const conversation = 'conv-changed-elsewhere';
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    const elsewhere = { conversationId: 'conv-someone-else-typing' };
    await disputes.addDetail(dispute.ownerId, dispute.id, 'Added from another chat', elsewhere);
    expect(await nextMessage(conversation, 0)).toContain(`Dispute ${dispute.id} was updated.`);
    await disputes.setRemindersEnabled(dispute.ownerId, dispute.id, false, elsewhere);
    expect(await nextMessage(conversation, 1)).toContain(`Dispute ${dispute.id} was updated.`);
    await disputes.withdraw(dispute.ownerId, dispute.id, undefined, elsewhere);
    expect(await nextMessage(conversation, 2)).toContain(
      `Dispute ${dispute.id} has been withdrawn and is now closed.`,
    );
    expect(stub.deliveredTo(elsewhere.conversationId)).toHaveLength(0);
  });

  it('delivers once when the channel answers 500 twice and then 200', async () => {
    const conversation = 'conv-flaky';
    stub.answer(conversation, ({ request }) => (request <= 2 ? 500 : 200));
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);

    expect(await nextMessage(conversation, 0)).toContain(`Dispute ${dispute.id} is now in mediation.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stub.deliveredTo(conversation)).toHaveLength(1);
    expect(stub.requestsTo(conversation)).toBe(3);
  });

  it('tries again with backoff when the channel refuses whole sends (429 twice), and delivers once', async () => {
    const conversation = 'conv-throttled';
    // The connector client retries 5xx by itself within one send; 429 it leaves to the queue.
    stub.answer(conversation, ({ request }) => (request <= 2 ? 429 : 200));
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);

    expect(await nextMessage(conversation, 0)).toContain(`Dispute ${dispute.id} is now in mediation.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stub.deliveredTo(conversation)).toHaveLength(1);
    expect(stub.requestsTo(conversation)).toBe(3);
    const retries = bot.logLines.filter((line) => line.includes('"job_retry"') && line.includes(dispute.id));
    expect(retries).toHaveLength(2);
    expect(await bot.app.services.notifications.queue.failed()).not.toContainEqual(
      expect.objectContaining({ data: expect.objectContaining({ disputeId: dispute.id }) }),
    );
  });

  it('records a delivery that always fails as failed, and logs it without the user’s text', async () => {
    const conversation = 'conv-dead';
    stub.answer(conversation, () => 500);
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);
    await disputes.issueRecommendation(dispute.id, RECOMMENDATION, MEDIATOR);

    const queue = bot.app.services.notifications.queue;
    const failedFor = async () => (await queue.failed()).filter((job) => job.data.disputeId === dispute.id);
    const deadline = Date.now() + 50000;
    while ((await failedFor()).length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const failed = await failedFor();
    expect(failed.map((job) => job.data.event).sort()).toEqual(['recommendation_issued', 'stage_changed']);
    expect(failed.every((job) => job.attemptsMade === 3)).toBe(true);
    expect(stub.deliveredTo(conversation)).toHaveLength(0);

    const failureLines = bot.logLines.filter(
      (line) => line.includes('"job_failed"') && line.includes(dispute.id),
    );
    expect(failureLines).toHaveLength(2);
    for (const line of bot.logLines) {
      expect(line).not.toContain('PRIVATE-RECOMMENDATION-MARKER');
      expect(line).not.toContain(PRIVATE_STATEMENT);
    }
  }, 90000);

  it('gives up at once, and records it, when the channel says the conversation is gone', async () => {
    const conversation = 'conv-gone';
    stub.answer(conversation, () => 404);
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);

    const queue = bot.app.services.notifications.queue;
    await stub.waitFor(() => stub.requestsTo(conversation) >= 1, 10000, 'the attempt');
    const deadline = Date.now() + 10000;
    let failed = await queue.failed();
    while (!failed.some((job) => job.data.disputeId === dispute.id) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      failed = await queue.failed();
    }
    expect(failed.find((job) => job.data.disputeId === dispute.id)).toMatchObject({ attemptsMade: 1 });
    expect(stub.requestsTo(conversation)).toBe(1);
  });
});
