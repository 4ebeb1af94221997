import { KeptPromises } from '../../src/bot/KeptPromises';

describe('KeptPromises', () => {
  it('makes a value once per key and hands the same one out again', async () => {
    const kept = new KeptPromises<object>(4);
    let made = 0;
    const make = async () => ({ number: ++made });
    const first = await kept.get('a', make);
    expect(await kept.get('a', make)).toBe(first);
    expect(await kept.get('b', make)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('does not keep a failed making: the next caller tries again', async () => {
    const kept = new KeptPromises<string>(4);
    await expect(kept.get('a', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    await expect(kept.get('a', async () => 'up')).resolves.toBe('up');
  });

  it('keeps at most its capacity, dropping the oldest made', async () => {
    const kept = new KeptPromises<object>(2);
    const a = await kept.get('a', async () => ({}));
    await kept.get('b', async () => ({}));
    await kept.get('c', async () => ({}));
    expect(await kept.get('a', async () => ({}))).not.toBe(a);
  });
});
