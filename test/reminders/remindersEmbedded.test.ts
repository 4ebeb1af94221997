import { createAdapter } from '../../src/bot/createAdapter';
import { channelRenderer } from '../../src/bot/rendering/channelRenderer';
import { loadConfig } from '../../src/config/loadConfig';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { DisputeService } from '../../src/services/disputes/DisputeService';
import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';
import type { DisputeChange } from '../../src/services/disputes/DisputeService';
import { createLogger } from '../../src/services/logging/logger';
import { AdapterProactiveSender } from '../../src/bot/AdapterProactiveSender';
import { serviceUrlCheck } from '../../src/services/network/serviceUrlPolicy';
import { InProcessJobQueue } from '../../src/services/notifications/jobs/InProcessJobQueue';
import type { ReminderJob } from '../../src/services/reminders/ReminderJob';
import { ReminderScheduler } from '../../src/services/reminders/ReminderScheduler';
import { reminderSender } from '../../src/services/reminders/ReminderSender';
import { formatUserDate } from '../../src/services/time';
import { FakeClock } from '../disputes/support/fakeClock';
import { CapturingApp, startCapturingApp } from '../notifications/support/capturingApp';
import { ConnectorStub } from '../notifications/support/connectorStub';
import { fileFrom, MEDIATOR } from '../notifications/support/disputeSteps';

const DAY_MS = 24 * 60 * 60 * 1000;
const content = PolicyContent.load();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stub: ConnectorStub;

beforeAll(async () => {
  stub = await ConnectorStub.start();
});

afterAll(async () => {
  await stub?.stop();
});

const remindersIn = (conversation: string) =>
  stub.deliveredTo(conversation).filter((message) => message.text.startsWith('Reminder: dispute'));

describe('the in-process scheduler with an injected clock and the default offsets', () => {
  const logLines: string[] = [];
  const logger = createLogger('info', { write: (line: string) => logLines.push(line) });
  const clock = new FakeClock('2026-03-02T09:00:00.000Z');
  const disputes = new DisputeService({ store: new InMemoryDisputeStore(), clock: clock.now });
  const sender = new AdapterProactiveSender(
    createAdapter(loadConfig({ LOG_LEVEL: 'silent' }), logger),
    '',
    serviceUrlCheck({ appIdSet: false }),
  );
  const queue = new InProcessJobQueue<ReminderJob>({
    name: 'reminders-under-test',
    policy: { attempts: 2, backoffMs: 50 },
    logger,
    handler: reminderSender({
      disputes,
      sender,
      renderer: channelRenderer,
      content,
      clock: clock.now,
      timeZone: 'Europe/Berlin',
      logger,
    }),
  });
  const scheduler = new ReminderScheduler(
    queue,
    {
      beforeDeadlineMs: [2 * DAY_MS, DAY_MS],
      afterRecommendationMs: DAY_MS,
      recommendationRepeatMs: DAY_MS,
      recommendationMaxCount: 3,
    },
    clock.now,
    logger,
  );
  scheduler.attach(disputes);

  afterAll(async () => {
    await scheduler.detach();
    await queue.close();
  });

  it('counts the delay from the clock: two days before the deadline, in the user-facing zone', async () => {
    const conversation = 'conv-fake-clock';
    // The clock says the "2 days before" moment is 600 ms away, the "1 day before" one a day later.
    const deadline = new Date(clock.now().getTime() + 2 * DAY_MS + 600);
    const dispute = await fileFrom(disputes, stub.reference(conversation), { deadline });

    await stub.waitFor(() => remindersIn(conversation).length === 1, 10000, 'the two-days-before reminder');
    const [reminder] = remindersIn(conversation);
    expect(reminder.text).toContain(`Reminder: dispute ${dispute.id}`);
    expect(reminder.text).toContain(
      `closes on ${formatUserDate(deadline, 'time', 'Europe/Berlin')} (2 days left)`,
    );
    expect(reminder.text).toContain(content.fact('P3'));
    expect(reminder.text).toContain('Turn reminders off');

    await pause(300);
    expect(remindersIn(conversation)).toHaveLength(1); // the one-day-before reminder is a day away
  });

  it('schedules a change’s reminders once, however often the change is seen', async () => {
    const conversation = 'conv-seen-twice';
    const seen: DisputeChange[] = [];
    const stopListening = disputes.onChange((change) => {
      seen.push(change);
    });
    const deadline = new Date(clock.now().getTime() + 2 * DAY_MS + 300);
    await fileFrom(disputes, stub.reference(conversation), { deadline });
    stopListening();
    scheduler.schedule(seen[0]); // as if a second process had scheduled the same filing

    await stub.waitFor(() => remindersIn(conversation).length === 1, 10000, 'the reminder');
    await pause(400);
    expect(remindersIn(conversation)).toHaveLength(1);
  });

  it('does not send a reminder once the deadline has passed by the clock', async () => {
    const conversation = 'conv-passed';
    const deadline = new Date(clock.now().getTime() + 2 * DAY_MS + 300);
    const dispute = await fileFrom(disputes, stub.reference(conversation), { deadline });
    clock.advance(3 * DAY_MS); // the process was asleep: by the time the timer runs, it is too late

    await pause(700);
    clock.advance(-3 * DAY_MS);
    expect(remindersIn(conversation)).toHaveLength(0);
    expect(logLines.some((line) => line.includes('"deadline_passed"') && line.includes(dispute.id))).toBe(
      true,
    );
  });
});

describe('reminders in the embedded app (no Redis)', () => {
  let bot: CapturingApp;

  beforeAll(async () => {
    bot = await startCapturingApp({
      REMINDERS_BEFORE_DEADLINE: '2s,1s',
      REMINDER_AFTER_RECOMMENDATION: '1s',
      REMINDER_RECOMMENDATION_REPEAT: '1s',
      REMINDER_RECOMMENDATION_MAX: '2',
    });
  });

  afterAll(async () => {
    await bot?.stop();
  });

  it('sends each reminder once, and none for a dispute whose reminders are off', async () => {
    const { disputes } = bot.app.services;
    const deadline = new Date(Date.now() + 3000);
    await fileFrom(disputes, stub.reference('conv-app-deadline'), { deadline });
    const quiet = await fileFrom(disputes, stub.reference('conv-app-quiet'), { deadline });
    await disputes.setRemindersEnabled(quiet.ownerId, quiet.id, false);
    const waiting = await fileFrom(disputes, stub.reference('conv-app-recommendation'));
    await disputes.transition(waiting.id, 'in_mediation', MEDIATOR);
    await disputes.issueRecommendation(waiting.id, 'Pay 80%.', MEDIATOR);

    await stub.waitFor(
      () =>
        remindersIn('conv-app-deadline').length >= 2 && remindersIn('conv-app-recommendation').length >= 2,
      10000,
      'two reminders of each kind',
    );
    await pause(1000);
    expect(remindersIn('conv-app-deadline')).toHaveLength(2);
    expect(remindersIn('conv-app-recommendation')).toHaveLength(2);
    expect(remindersIn('conv-app-recommendation')[1].text).toContain(content.fact('P11'));
    expect(remindersIn('conv-app-quiet')).toHaveLength(0);
  });
});
