import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { CapturingApp, startCapturingApp } from './support/capturingApp';
import { ConnectorStub } from './support/connectorStub';
import { fileFrom, MEDIATOR, PRIVATE_STATEMENT } from './support/disputeSteps';

const PROVIDER = 'Example Arbitration Forum';
const contentDir = mkdtempSync(path.join(os.tmpdir(), 'notifications-content-'));
const contentFile = path.join(contentDir, 'policy.override.json');

let stub: ConnectorStub;
let bot: CapturingApp;

beforeAll(async () => {
  writeFileSync(contentFile, JSON.stringify({ values: { arbitrationProvider: PROVIDER } }));
  stub = await ConnectorStub.start();
  // No REDIS_URL: the embedded store and the in-process queue.
  bot = await startCapturingApp({
    CONTENT_FILE: contentFile,
    NOTIFICATION_ATTEMPTS: '3',
    NOTIFICATION_BACKOFF_MS: '50',
  });
});

afterAll(async () => {
  await bot?.stop();
  await stub?.stop();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('dispute notifications in embedded mode (in-process queue)', () => {
  it('tells the user about each change with the configured policy wording', async () => {
    const content = PolicyContent.load(contentFile);
    const conversation = 'conv-embedded';
    const { disputes } = bot.app.services;
    const dispute = await fileFrom(disputes, stub.reference(conversation));
    await disputes.transition(dispute.id, 'in_mediation', MEDIATOR);
    await disputes.issueRecommendation(dispute.id, 'Pay half.', MEDIATOR);
    await stub.waitFor(() => stub.deliveredTo(conversation).length === 2, 10000, 'two messages');
    await disputes.recordRecommendationResponse(dispute.id, 'client', 'rejected', MEDIATOR);
    await stub.waitFor(() => stub.deliveredTo(conversation).length === 3, 10000, 'the third message');

    const [mediation, issued, rejected] = stub.deliveredTo(conversation).map((message) => message.text);
    expect(mediation).toContain(content.fact('P9'));
    expect(issued).toContain('Pay half.');
    expect(issued).toContain(content.fact('P11'));
    expect(rejected).toContain(`Your client rejected the recommendation on dispute ${dispute.id}.`);
    expect(rejected).toContain(`binding arbitration by the ${PROVIDER}`);
    expect(rejected).not.toContain('American Arbitration Association');
    expect(rejected).toContain(content.fact('P13'));
  });

  it('retries a refused send with backoff and delivers it once', async () => {
    const conversation = 'conv-embedded-throttled';
    stub.answer(conversation, ({ request }) => (request <= 2 ? 429 : 200));
    const dispute = await fileFrom(bot.app.services.disputes, stub.reference(conversation));
    await bot.app.services.disputes.transition(dispute.id, 'in_mediation', MEDIATOR);

    await stub.waitFor(() => stub.deliveredTo(conversation).length === 1, 10000, 'the message');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stub.deliveredTo(conversation)).toHaveLength(1);
    expect(stub.requestsTo(conversation)).toBe(3);
  });

  it('records a send that never gets through as failed, logged without the user’s text', async () => {
    const conversation = 'conv-embedded-dead';
    stub.answer(conversation, () => 429);
    const dispute = await fileFrom(bot.app.services.disputes, stub.reference(conversation));
    await bot.app.services.disputes.transition(dispute.id, 'in_mediation', MEDIATOR);

    const queue = bot.app.services.notifications.queue;
    const deadline = Date.now() + 10000;
    while (
      !(await queue.failed()).some((job) => job.data.disputeId === dispute.id) &&
      Date.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await queue.failed()).find((job) => job.data.disputeId === dispute.id)).toMatchObject({
      attemptsMade: 3,
      data: { event: 'stage_changed', to: 'in_mediation' },
    });
    expect(stub.requestsTo(conversation)).toBe(3);
    const failure = bot.logLines.find((line) => line.includes('"job_failed"') && line.includes(dispute.id));
    expect(JSON.parse(failure ?? '{}')).toMatchObject({ attemptsMade: 3, statusCode: 429 });
    expect(bot.logLines.join('\n')).not.toContain(PRIVATE_STATEMENT);
  });
});
