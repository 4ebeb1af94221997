import { Redis } from 'ioredis';
import {
  CorruptDisputeError,
  Dispute,
  DisputeService,
  DisputeStore,
  FileDisputeInput,
  VersionedDispute,
} from '../../src/services/disputes';
import { RedisDisputeStore } from '../../src/services/disputes/RedisDisputeStore';
import { PrivateRedis } from '../support/privateRedis';

/** Passes everything to a real store and counts the writes that lost a version race. */
class ConflictCountingStore implements DisputeStore {
  lostRaces = 0;
  constructor(private readonly inner: DisputeStore) {}
  insert(dispute: Dispute): Promise<boolean> {
    return this.inner.insert(dispute);
  }
  claimIdempotencyKey(ownerId: string, key: string, candidateId: string): Promise<string> {
    return this.inner.claimIdempotencyKey(ownerId, key, candidateId);
  }
  addToOwnerIndex(ownerId: string, disputeId: string, createdAt: Date): Promise<void> {
    return this.inner.addToOwnerIndex(ownerId, disputeId, createdAt);
  }
  listIdsForOwner(ownerId: string): Promise<string[]> {
    return this.inner.listIdsForOwner(ownerId);
  }
  get(disputeId: string): Promise<VersionedDispute | undefined> {
    return this.inner.get(disputeId);
  }
  async replace(dispute: Dispute, expectedVersion: number): Promise<boolean> {
    const replaced = await this.inner.replace(dispute, expectedVersion);
    if (!replaced) this.lostRaces += 1;
    return replaced;
  }
  removeUnreachable(disputeId: string): Promise<void> {
    return this.inner.removeUnreachable(disputeId);
  }
}

const OWNER = 'freelancer+{tag}@example.com';
const MEDIATOR = { role: 'mediator', id: 'm-1' } as const;

function filing(idempotencyKey: string): FileDisputeInput {
  return {
    ownerId: OWNER,
    idempotencyKey,
    contractKind: 'active',
    claim: {
      statement: 'Milestone 2 was delivered on time and not paid.',
      amount: { value: 1200, currency: 'EUR' },
    },
  };
}

async function keysMatching(client: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

describe('Redis dispute storage shared by two bot processes', () => {
  let server: PrivateRedis;
  let clientA: Redis;
  let clientB: Redis;
  let storeA: ConflictCountingStore;
  let storeB: ConflictCountingStore;
  let processA: DisputeService;
  let processB: DisputeService;
  let reported: unknown[];
  let prefixNumber = 0;

  beforeAll(async () => {
    server = await PrivateRedis.start({ appendOnly: true });
    clientA = new Redis(server.url);
    clientB = new Redis(server.url);
  });

  afterAll(async () => {
    clientA.disconnect();
    clientB.disconnect();
    await server.destroy();
  });

  beforeEach(() => {
    const prefix = `p${(prefixNumber += 1)}`;
    reported = [];
    storeA = new ConflictCountingStore(new RedisDisputeStore(clientA, prefix));
    storeB = new ConflictCountingStore(new RedisDisputeStore(clientB, prefix));
    const reportError = (error: unknown) => reported.push(error);
    processA = new DisputeService({ store: storeA, reportError });
    processB = new DisputeService({ store: storeB, reportError });
  });

  it('makes exactly one dispute from 20 concurrent identical submissions and gives every caller its id', async () => {
    const prefix = `p${prefixNumber}`;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? processA : processB).fileDispute(filing('submit-once')),
      ),
    );

    const ids = new Set(results.map((r) => r.dispute.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [id] = [...ids];
    expect((await processB.listForOwner(OWNER)).map((d) => d.id)).toEqual([id]);
    // The 19 losers wrote a record first and removed it again: one dispute key is left.
    expect(await keysMatching(clientA, `${prefix}:dispute:*`)).toEqual([`${prefix}:dispute:{${id}}`]);
    expect(await keysMatching(clientA, `${prefix}:owner:*:idem:*`)).toHaveLength(1);
  });

  it('keeps the owner id out of key names and gives each dispute its own hash tag', async () => {
    const prefix = `p${prefixNumber}`;
    const { dispute } = await processA.fileDispute(filing('k'));
    const keys = await keysMatching(clientA, `${prefix}:*`);
    expect(keys.some((key) => key.includes('example.com'))).toBe(false);
    expect(keys).toContain(`${prefix}:dispute:{${dispute.id}}`);
    expect(keys.filter((key) => /^p\d+:owner:\{[0-9a-f]{16}\}:/.test(key))).toHaveLength(2);
  });

  it('loses no history entry when two processes change one dispute at the same time', async () => {
    const { dispute } = await processA.fileDispute(filing('k'));
    await processA.transition(dispute.id, 'in_mediation', MEDIATOR);
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 15; i += 1) {
      work.push(processA.addDetail(OWNER, dispute.id, `from A #${i}`));
      work.push(processB.addDetail(OWNER, dispute.id, `from B #${i}`));
      if (i % 5 === 0) work.push(processB.recordClientUnresponsive(dispute.id, MEDIATOR));
    }
    await Promise.all(work);

    const after = await processA.getById(dispute.id);
    expect(after?.details).toHaveLength(30);
    expect(after?.history.filter((h) => h.event === 'detail_added')).toHaveLength(30);
    expect(after?.history.filter((h) => h.event === 'client_unresponsive')).toHaveLength(3);
    expect(after?.history).toHaveLength(2 + 30 + 3);
    // The races did happen (otherwise this test would prove nothing) and were all retried.
    expect(storeA.lostRaces + storeB.lostRaces).toBeGreaterThan(0);
  });

  it('records both parties’ answers given at once from two processes, on every one of 10 disputes', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      const { dispute } = await processA.fileDispute(filing(`k${i}`));
      await processA.transition(dispute.id, 'in_mediation', MEDIATOR);
      await processA.issueRecommendation(dispute.id, 'Pay 70%.', MEDIATOR);
      ids.push(dispute.id);
    }
    await Promise.all(
      ids.flatMap((id) => [
        processA.recordRecommendationResponse(id, 'freelancer', 'accepted', { role: 'user', id: OWNER }),
        processB.recordRecommendationResponse(id, 'client', 'accepted', MEDIATOR),
      ]),
    );
    for (const id of ids) {
      const after = await processB.getById(id);
      expect(after?.stage).toBe('recommendation_accepted');
      expect(after?.recommendation?.responses).toEqual({ freelancer: 'accepted', client: 'accepted' });
    }
  });

  it('reports a corrupt record as an error, leaves it out of listings and keeps serving the rest', async () => {
    const prefix = `p${prefixNumber}`;
    const { dispute: good } = await processA.fileDispute(filing('good'));
    const { dispute: broken } = await processA.fileDispute(filing('broken'));
    const { dispute: halfBroken } = await processA.fileDispute(filing('half'));
    await clientA.hset(`${prefix}:dispute:{${broken.id}}`, 'data', '{not json');
    await clientA.hset(
      `${prefix}:dispute:{${halfBroken.id}}`,
      'data',
      JSON.stringify({ ...halfBroken, stage: 'lost' }),
    );

    await expect(processA.getById(broken.id)).rejects.toBeInstanceOf(CorruptDisputeError);
    await expect(processA.addDetail(OWNER, halfBroken.id, 'x')).rejects.toBeInstanceOf(CorruptDisputeError);
    expect((await processA.listForOwner(OWNER)).map((d) => d.id)).toEqual([good.id]);
    expect(reported).toHaveLength(2);
    expect((await processA.addDetail(OWNER, good.id, 'still works')).details).toHaveLength(1);
  });

  it('keeps working after the server forgets its Lua scripts', async () => {
    const { dispute } = await processA.fileDispute(filing('k'));
    await clientA.script('FLUSH');
    expect((await processB.transition(dispute.id, 'in_mediation', MEDIATOR)).stage).toBe('in_mediation');
    expect((await processA.fileDispute(filing('k'))).created).toBe(false);
  });

  it('still has disputes and filing keys after a Redis restart (append-only file)', async () => {
    const { dispute } = await processA.fileDispute(filing('durable'));
    await server.restart();
    expect((await processB.getById(dispute.id))?.id).toBe(dispute.id);
    const repeat = await processA.fileDispute(filing('durable'));
    expect(repeat).toMatchObject({ created: false, dispute: { id: dispute.id } });
  });
});
