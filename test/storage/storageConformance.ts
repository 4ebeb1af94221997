import type { Storage, StoreItem } from 'botbuilder';

/**
 * The cases of botbuilder's own storage base tests, as one suite that any Storage must pass:
 * create, unusual keys, update with a stale eTag fails, "*" always writes, missing keys are absent,
 * delete of unknown keys, batches.
 */
export function describeStorageContract(name: string, makeStorage: () => Storage): void {
  describe(`${name} keeps botbuilder's Storage contract`, () => {
    let storage: Storage;
    beforeEach(() => {
      storage = makeStorage();
    });

    it('returns no entry for keys that were never written', async () => {
      expect(await storage.read(['never/written', 'emulator/conversations/none/'])).toEqual({});
    });

    it('creates items of every JSON shape and gives each an eTag', async () => {
      const items: Record<string, StoreItem> = {
        'emulator/conversations/c1/': { count: 1, nested: { list: [1, 'two', null, true] } },
        'emulator/users/u1/': { name: 'Ana', empty: '' },
      };
      await storage.write(items);
      const read = await storage.read(Object.keys(items));
      expect(read['emulator/conversations/c1/']).toMatchObject({
        count: 1,
        nested: { list: [1, 'two', null, true] },
      });
      expect(read['emulator/users/u1/']).toMatchObject({ name: 'Ana', empty: '' });
      expect(typeof read['emulator/conversations/c1/'].eTag).toBe('string');
      expect(read['emulator/conversations/c1/'].eTag).not.toBe(read['emulator/users/u1/'].eTag);
    });

    it('handles unusual keys', async () => {
      const key = '!@#$%^&*()_+??><":QQ~`{}[]\\|/.,\';  emoji 😀 {tag} %7B';
      await storage.write({ [key]: { hello: 'world' } });
      expect((await storage.read([key]))[key]).toMatchObject({ hello: 'world' });
    });

    it('rejects an update with a stale eTag and keeps the newer value', async () => {
      const key = 'emulator/conversations/race/';
      await storage.write({ [key]: { value: 1 } });
      const first = (await storage.read([key]))[key];
      await storage.write({ [key]: { ...first, value: 2 } });
      await expect(storage.write({ [key]: { ...first, value: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read([key]))[key]).toMatchObject({ value: 2 });
    });

    it('writes with the current eTag, and returns the new eTag on the item', async () => {
      const key = 'emulator/conversations/update/';
      await storage.write({ [key]: { value: 1 } });
      const current = (await storage.read([key]))[key];
      const update = { ...current, value: 2 };
      await storage.write({ [key]: update });
      const reread = (await storage.read([key]))[key];
      expect(reread).toMatchObject({ value: 2 });
      expect(update.eTag).toBe(reread.eTag);
      expect(reread.eTag).not.toBe(current.eTag);
    });

    it('always writes with eTag "*" or without an eTag', async () => {
      const key = 'emulator/conversations/wildcard/';
      await storage.write({ [key]: { value: 1 } });
      await storage.write({ [key]: { value: 2, eTag: '*' } });
      expect((await storage.read([key]))[key]).toMatchObject({ value: 2 });
      await storage.write({ [key]: { value: 3 } });
      expect((await storage.read([key]))[key]).toMatchObject({ value: 3 });
    });

    it('deletes items, and deleting unknown keys is not an error', async () => {
      const key = 'emulator/conversations/delete/';
      await storage.write({ [key]: { value: 1 } });
      await storage.delete([key, 'unknown/key']);
      expect(await storage.read([key])).toEqual({});
    });

    it('reads and writes batches spanning many conversations', async () => {
      const batch: Record<string, StoreItem> = {};
      for (let i = 0; i < 50; i++) {
        batch[`slack/conversations/batch-${i}/`] = { index: i };
        batch[`slack/users/user-${i}/`] = { index: -i };
      }
      await storage.write(batch);
      const read = await storage.read(Object.keys(batch));
      expect(Object.keys(read)).toHaveLength(100);
      expect(read['slack/conversations/batch-42/']).toMatchObject({ index: 42 });
      expect(read['slack/users/user-7/']).toMatchObject({ index: -7 });
      await storage.delete(Object.keys(batch));
      expect(await storage.read(Object.keys(batch))).toEqual({});
    });
  });
}
