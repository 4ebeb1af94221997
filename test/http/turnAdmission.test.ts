import { randomUUID } from 'node:crypto';
import { TurnAdmission } from '../../src/server/TurnAdmission';
import { ChannelEndpoint } from '../handoff/support/channelEndpoint';
import { BotConversation, textOf } from '../support/botConversation';
import { RunningApp, startTestApp } from '../support/testApp';

/** A turn that runs until the test lets it finish (or fail). */
function heldTurn(log: string[], name: string) {
  let finish: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return {
    turn: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
      return name;
    },
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('TurnAdmission (at most N turns processed at once, the rest in arrival order)', () => {
  it('starts at most `limit` turns and lets the waiting ones in, oldest first, as turns finish', async () => {
    const log: string[] = [];
    const admission = new TurnAdmission(2);
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((name) => heldTurn(log, name));
    const results = [a, b, c, d].map((held) => admission.run(held.turn));
    await settle();
    expect(log).toEqual(['start a', 'start b']);
    expect(admission.queued).toBe(2);

    b.finish();
    await settle();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.finish();
    c.finish();
    await settle();
    // d took the slot a left; c's end may come before or after d's start.
    expect(log.indexOf('start d')).toBeGreaterThan(log.indexOf('end a'));
    expect(log.filter((line) => line.startsWith('start'))).toEqual([
      'start a',
      'start b',
      'start c',
      'start d',
    ]);
    d.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd']);
    expect(admission.queued).toBe(0);
  });

  it('gives the slot of a failed turn to the next one, and the failure to its own caller only', async () => {
    const log: string[] = [];
    const admission = new TurnAdmission(1);
    const failing = heldTurn(log, 'failing');
    const next = heldTurn(log, 'next');
    const failed = admission.run(failing.turn);
    const following = admission.run(next.turn);
    await settle();
    expect(log).toEqual(['start failing']);

    failing.fail(new Error('Redis went away'));
    await expect(failed).rejects.toThrow('Redis went away');
    await settle();
    expect(log).toEqual(['start failing', 'start next']);
    next.finish();
    await expect(following).resolves.toBe('next');

    // The slot is free again: a new turn starts at once.
    const later = heldTurn(log, 'later');
    const laterResult = admission.run(later.turn);
    await settle();
    expect(log.at(-1)).toBe('start later');
    later.finish();
    await expect(laterResult).resolves.toBe('later');
  });

  it('refuses a limit below one', () => {
    expect(() => new TurnAdmission(0)).toThrow();
  });
});

describe('TurnAdmission: a turn waiting on the channel gives its slot up', () => {
  it('lets a new turn run meanwhile, and takes the next free slot before later new turns', async () => {
    const log: string[] = [];
    const admission = new TurnAdmission(1);
    const channel = heldTurn(log, 'channel answer');
    const first = admission.run(async (slot) => {
      log.push('start first');
      await slot.releasedWhile(channel.turn);
      log.push('end first');
    });
    const [second, third] = ['second', 'third'].map((name) => heldTurn(log, name));
    const secondResult = admission.run(second.turn);
    await settle();
    expect(log).toEqual(['start first', 'start channel answer', 'start second']);

    const thirdResult = admission.run(third.turn);
    channel.finish();
    await settle();
    // Both wait for the slot `second` holds; the turn back from the channel is let in first.
    expect(admission.queued).toBe(2);
    second.finish();
    await settle();
    expect(log.slice(-3)).toEqual(['end second', 'end first', 'start third']);
    third.finish();
    await Promise.all([first, secondResult, thirdResult]);
    expect(admission.queued).toBe(0);
  });

  it('keeps its count when a turn ends before a send it did not await comes back', async () => {
    const log: string[] = [];
    const admission = new TurnAdmission(1);
    const channel = heldTurn(log, 'late answer');
    let late: Promise<unknown> = Promise.resolve();
    await admission.run(async (slot) => {
      late = slot.releasedWhile(channel.turn);
    });
    channel.finish();
    await late;

    // Exactly one slot is left: a second turn waits for the first.
    const [a, b] = ['a', 'b'].map((name) => heldTurn(log, name));
    const results = [admission.run(a.turn), admission.run(b.turn)];
    await settle();
    expect(log.slice(-1)).toEqual(['start a']);
    a.finish();
    await settle();
    expect(log.slice(-2)).toEqual(['end a', 'start b']);
    b.finish();
    await Promise.all(results);
  });
});

describe('one turn slot (MAX_CONCURRENT_TURNS=1) and a channel slow to take replies', () => {
  let app: RunningApp;
  let channel: ChannelEndpoint;
  beforeAll(async () => {
    channel = await ChannelEndpoint.start();
    app = await startTestApp({ MAX_CONCURRENT_TURNS: '1' });
  });
  afterAll(async () => {
    await app?.stop();
    await channel?.stop();
  });

  it("answers another user while the first user's reply is still being posted", async () => {
    const release = channel.holdAnswers();
    // Replies posted to the channel, as Teams and Slack get them (no expectReplies).
    const slowUser = `conv-${randomUUID()}`;
    const slowTurn = fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: randomUUID(),
        text: 'what is mediation?',
        channelId: 'webchat',
        serviceUrl: channel.serviceUrl,
        conversation: { id: slowUser },
        from: { id: `user-${slowUser}` },
        recipient: { id: 'bot' },
      }),
    });
    await channel.waitForText(slowUser, /mediat/i);

    const other = new BotConversation(app.baseUrl, { channelId: 'webchat' });
    let timer: NodeJS.Timeout | undefined;
    const stuck = new Promise<'still waiting'>(
      (resolve) => (timer = setTimeout(resolve, 5000, 'still waiting')),
    );
    const answered = await Promise.race([other.send('what is arbitration?').then(textOf), stuck]);
    clearTimeout(timer);
    expect(answered).toMatch(/arbitrat/i);

    release();
    expect((await slowTurn).status).toBe(200);
    expect(channel.textsFor(slowUser).join('\n')).toMatch(/mediat/i);
  });
});
