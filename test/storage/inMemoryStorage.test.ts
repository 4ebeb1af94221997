import { InMemoryStorage } from '../../src/services/persistence/memory/InMemoryStorage';
import { describeStorageContract } from './storageConformance';

describeStorageContract('InMemoryStorage', () => new InMemoryStorage(3600));

describe('InMemoryStorage expiry', () => {
  it('forgets conversation state after its TTL but keeps user state', async () => {
    let now = 1_000_000;
    const storage = new InMemoryStorage(60, () => now);
    await storage.write({
      'webchat/conversations/c/': { step: 2 },
      'webchat/users/u/': { reminders: false },
    });
    now += 59_000;
    expect(Object.keys(await storage.read(['webchat/conversations/c/', 'webchat/users/u/']))).toHaveLength(2);
    now += 2_000;
    const read = await storage.read(['webchat/conversations/c/', 'webchat/users/u/']);
    expect(read['webchat/conversations/c/']).toBeUndefined();
    expect(read['webchat/users/u/']).toMatchObject({ reminders: false });
  });
});
