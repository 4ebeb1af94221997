import { PrivateRedis } from '../support/privateRedis';
import { CapturingApp, startCapturingApp } from '../notifications/support/capturingApp';
import { ConnectorStub } from '../notifications/support/connectorStub';
import { fileFrom, MEDIATOR } from '../notifications/support/disputeSteps';

// Short real delays instead of days: the same code paths, BullMQ's own delayed jobs, no fake timers.
const SHORT_REMINDERS = {
  REMINDERS_BEFORE_DEADLINE: '3s,2s',
  REMINDER_AFTER_RECOMMENDATION: '1s',
  REMINDER_RECOMMENDATION_REPEAT: '2s',
  REMINDER_RECOMMENDATION_MAX: '2',
};

let redis: PrivateRedis;
let stub: ConnectorStub;
const running: CapturingApp[] = [];

async function botProcess(): Promise<CapturingApp> {
  const app = await startCapturingApp({
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: 'remind',
    ...SHORT_REMINDERS,
  });
  running.push(app);
  return app;
}

async function stopProcess(app: CapturingApp): Promise<void> {
  running.splice(running.indexOf(app), 1);
  await app.stop();
}

const remindersIn = (conversation: string) =>
  stub.deliveredTo(conversation).filter((message) => message.text.startsWith('Reminder: dispute'));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  redis = await PrivateRedis.start();
  stub = await ConnectorStub.start();
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.stop()));
});

afterAll(async () => {
  await stub?.stop();
  await redis?.destroy();
});

describe('reminders on Redis with several bot processes', () => {
  it('sends each deadline reminder once, not before it is due, with two processes taking jobs', async () => {
    const [first, second] = await Promise.all([botProcess(), botProcess()]);
    const conversation = 'conv-deadline';
    const deadline = new Date(Date.now() + 5000);
    const dispute = await fileFrom(first.app.services.disputes, stub.reference(conversation), { deadline });

    await stub.waitFor(() => remindersIn(conversation).length >= 2, 15000, 'two reminders');
    await pause(1500); // long enough for a duplicate from the other process to show up
    const reminders = remindersIn(conversation);
    expect(reminders).toHaveLength(2);
    expect(reminders[0].at).toBeGreaterThanOrEqual(deadline.getTime() - 3000);
    expect(reminders[1].at).toBeGreaterThanOrEqual(deadline.getTime() - 2000);
    for (const reminder of reminders) {
      expect(reminder.text).toContain(`Reminder: dispute ${dispute.id}`);
      expect(reminder.text).toContain('refund request closes on');
    }
    // Each process logs what it sent: between them, two sends.
    const sentBy = [first, second].map(
      (bot) =>
        bot.logLines.filter((line) => line.includes('"reminder_sent"') && line.includes(dispute.id)).length,
    );
    expect(sentBy[0] + sentBy[1]).toBe(2);
  });

  it('still sends the reminders when the process that scheduled them stopped before they were due', async () => {
    const scheduler = await botProcess();
    const conversation = 'conv-restart';
    const deadline = new Date(Date.now() + 6000);
    const firstDue = deadline.getTime() - 3000;
    await fileFrom(scheduler.app.services.disputes, stub.reference(conversation), { deadline });
    await pause(200); // the change listener queues the jobs without holding up the filing
    await stopProcess(scheduler);
    expect(Date.now()).toBeLessThan(firstDue); // the stopped process had no chance to send them

    await botProcess(); // a fresh process: the delayed jobs waited in Redis
    await stub.waitFor(() => remindersIn(conversation).length >= 2, 20000, 'two reminders after the restart');
    await pause(1500);
    expect(remindersIn(conversation)).toHaveLength(2);
  });

  it('skips a reminder when the user turned reminders off or the dispute moved on, even from another process', async () => {
    const [first, second] = await Promise.all([botProcess(), botProcess()]);
    const deadline = new Date(Date.now() + 5000);
    const remindMe = await fileFrom(first.app.services.disputes, stub.reference('conv-remind-me'), {
      deadline,
    });
    const quiet = await fileFrom(first.app.services.disputes, stub.reference('conv-quiet'), { deadline });
    const moved = await fileFrom(first.app.services.disputes, stub.reference('conv-moved'), { deadline });
    // The other process changes them: the reminder reads the dispute again when it fires.
    await second.app.services.disputes.setRemindersEnabled(quiet.ownerId, quiet.id, false);
    await second.app.services.disputes.transition(moved.id, 'in_mediation', MEDIATOR);

    await stub.waitFor(() => remindersIn('conv-remind-me').length >= 2, 15000, 'the reminders that apply');
    await pause(1500);
    expect(remindersIn('conv-remind-me')).toHaveLength(2);
    expect(remindersIn('conv-quiet')).toHaveLength(0);
    expect(remindersIn('conv-moved')).toHaveLength(0);
    expect(remindMe.remindersEnabled).toBe(true);
    const skipped = [first, second].flatMap((bot) =>
      bot.logLines.filter((line) => line.includes('"reminder_skipped"')),
    );
    expect(
      skipped.filter((line) => line.includes('"reminders_off"') && line.includes(quiet.id)),
    ).toHaveLength(2);
    expect(skipped.filter((line) => line.includes('"stage_moved"') && line.includes(moved.id))).toHaveLength(
      2,
    );
  });

  it('reminds while a recommendation awaits the user’s answer, and stops once they answered', async () => {
    const [first, second] = await Promise.all([botProcess(), botProcess()]);
    const conversation = 'conv-recommendation';
    const dispute = await fileFrom(first.app.services.disputes, stub.reference(conversation));
    await first.app.services.disputes.transition(dispute.id, 'in_mediation', MEDIATOR);
    await second.app.services.disputes.issueRecommendation(
      dispute.id,
      'Split the milestone 70/30.',
      MEDIATOR,
    );

    await stub.waitFor(() => remindersIn(conversation).length >= 1, 15000, 'the first reminder');
    expect(remindersIn(conversation)[0].text).toContain('still waiting for your answer');
    await first.app.services.disputes.recordRecommendationResponse(
      dispute.id,
      'freelancer',
      'accepted',
      MEDIATOR,
    );

    await pause(3500); // past the second reminder's time
    expect(remindersIn(conversation)).toHaveLength(1);
  });

  it('keeps scheduled reminders through a Redis restart (append-only file) and sends them once', async () => {
    const durable = await PrivateRedis.start({ appendOnly: true });
    try {
      const bot = await startCapturingApp({
        REDIS_URL: durable.url,
        REDIS_KEY_PREFIX: 'durable',
        ...SHORT_REMINDERS,
      });
      running.push(bot);
      const conversation = 'conv-redis-restart';
      const deadline = new Date(Date.now() + 6000);
      await fileFrom(bot.app.services.disputes, stub.reference(conversation), { deadline });
      await pause(200);
      await durable.restart(); // the jobs come back from the append-only file; the worker reconnects
      expect(Date.now()).toBeLessThan(deadline.getTime() - 3000);

      await stub.waitFor(
        () => remindersIn(conversation).length >= 2,
        20000,
        'two reminders after Redis restarted',
      );
      await pause(1500);
      expect(remindersIn(conversation)).toHaveLength(2);
    } finally {
      await Promise.all(running.splice(0).map((app) => app.stop()));
      await durable.destroy();
    }
  });
});
