import Redis from 'ioredis';
import { Storage, StoreItems, TestAdapter, TurnContext } from 'botbuilder';
import { RedisStorage } from '../../src/services/persistence/redis/RedisStorage';
import { SnapshotConversationState } from '../../src/services/storage/snapshotChangeDetection';
import { PrivateRedis } from '../support/privateRedis';

let server: PrivateRedis;
let redis: Redis;

beforeAll(async () => {
  server = await PrivateRedis.start();
  redis = new Redis(server.url);
});

afterAll(async () => {
  redis.disconnect();
  await server.destroy();
});

/** RedisStorage that counts its writes. */
class CountingStorage implements Storage {
  writes = 0;
  constructor(private readonly inner: Storage) {}
  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }
  write(changes: StoreItems): Promise<void> {
    this.writes += 1;
    return this.inner.write(changes);
  }
  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

function turnOf(conversationId: string): TurnContext {
  return new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user', name: '' },
    recipient: { id: 'bot', name: '' },
    text: 'hi',
  });
}

describe('conversation state with snapshot change detection, on Redis', () => {
  it('writes a changed state, not an unchanged one, and every change in place reaches Redis', async () => {
    const storage = new CountingStorage(
      new RedisStorage(redis, { keyPrefix: 'snap', conversationTtlSeconds: 60 }),
    );
    const state = new SnapshotConversationState(storage);
    const steps = state.createProperty<{ step: number; notes: string[] }>('flow');

    const first = turnOf('c-1');
    await steps.set(first, { step: 1, notes: ['a'] });
    await state.saveChanges(first);
    expect(storage.writes).toBe(1);

    // Loaded and left alone: nothing to write.
    const second = turnOf('c-1');
    expect(await steps.get(second)).toEqual({ step: 1, notes: ['a'] });
    await state.saveChanges(second);
    expect(storage.writes).toBe(1);

    // Changed in place (no set): written, with the change.
    const third = turnOf('c-1');
    (await steps.get(third))?.notes.push('b');
    await state.saveChanges(third);
    expect(storage.writes).toBe(2);
    expect(await steps.get(turnOf('c-1'))).toEqual({ step: 1, notes: ['a', 'b'] });

    // Saved twice in one turn with a change between: the second save writes the second change.
    const fourth = turnOf('c-1');
    await steps.set(fourth, { step: 2, notes: [] });
    await state.saveChanges(fourth);
    await steps.set(fourth, { step: 3, notes: ['c'] });
    await state.saveChanges(fourth);
    expect(storage.writes).toBe(4);
    expect(await steps.get(turnOf('c-1'))).toEqual({ step: 3, notes: ['c'] });
  });

  it('lets other code read an item, change it and write the change', async () => {
    const storage = new RedisStorage(redis, { keyPrefix: 'snap', conversationTtlSeconds: 60 });
    const key = 'test/conversations/c-2/';
    await storage.write({ [key]: { value: 1 } });
    const item = (await storage.read([key]))[key];
    item.value = 2;
    await storage.write({ [key]: item });
    expect((await storage.read([key]))[key]).toMatchObject({ value: 2 });
  });
});
