import { TurnAdmission } from '../../src/server/TurnAdmission';

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
