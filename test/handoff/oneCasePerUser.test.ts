import Redis from 'ioredis';
import { PolicyContent } from '../../src/services/content/PolicyContent';
import { DisputeService } from '../../src/services/disputes/DisputeService';
import { InMemoryDisputeStore } from '../../src/services/disputes/InMemoryDisputeStore';
import type { CaseMessenger } from '../../src/services/handoff/CaseMessenger';
import { HandoffService, OpenOutcome } from '../../src/services/handoff/HandoffService';
import type { HandoffStore } from '../../src/services/handoff/HandoffStore';
import { InMemoryHandoffStore } from '../../src/services/handoff/InMemoryHandoffStore';
import { InMemoryTranscriptStore } from '../../src/services/handoff/InMemoryTranscriptStore';
import { RedisHandoffStore } from '../../src/services/handoff/RedisHandoffStore';
import { PrivateRedis } from '../support/privateRedis';
import { caseRequest as request } from './support/caseRequest';

/**
 * "One open hand-off case per user" holds when one user asks for a person from two conversations at
 * the same moment (two tabs, two channels), in one process and across two processes sharing Redis.
 */

let redisServer: PrivateRedis;
const clients: Redis[] = [];

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  // Two connections: two bot processes.
  clients.push(new Redis(redisServer.url), new Redis(redisServer.url));
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.quit()));
  await redisServer?.destroy();
});

/** Two processes' stores on one Redis (same prefix), or one process's memory store twice. */
function storesOf(kind: 'memory' | 'redis'): [HandoffStore, HandoffStore] {
  if (kind === 'memory') {
    const store = new InMemoryHandoffStore(10);
    return [store, store];
  }
  const prefix = `u${Math.random().toString(36).slice(2)}`;
  const options = { prefix, caseTtlSeconds: 3600, maxMessagesPerCase: 10 };
  return [new RedisHandoffStore(clients[0], options), new RedisHandoffStore(clients[1], options)];
}

describe.each(['memory', 'redis'] as const)('one open case per user (%s)', (kind) => {
  it('queues one case when a user asks from two conversations at the same moment', async () => {
    const [first, second] = storesOf(kind);
    // Many users at once, so the two requests of each really interleave.
    const users = Array.from({ length: 20 }, (_, index) => `webchat:user-${index}`);
    const results = await Promise.all(
      users.map((owner, index) =>
        Promise.all([
          first.enqueue(request(`a-${index}`, owner)),
          second.enqueue(request(`b-${index}`, owner)),
        ]),
      ),
    );
    for (const pair of results) expect(pair.filter(Boolean)).toHaveLength(1);
    const open = await first.listOpen();
    expect(open).toHaveLength(users.length);
    expect(new Set(open.map((item) => item.ownerId)).size).toBe(users.length);
  });

  it('lets the user ask again, from any conversation, once their case is closed', async () => {
    const [first, second] = storesOf(kind);
    const owner = 'webchat:returning-user';
    expect(await first.enqueue(request('first-tab', owner))).toBe(true);
    expect(await second.enqueue(request('second-tab', owner))).toBe(false);
    await first.close('first-tab', 'left_queue', '2026-11-20T10:05:00.000Z');
    expect(await second.enqueue(request('second-tab', owner))).toBe(true);
    expect(await first.enqueue(request('first-tab', owner))).toBe(false);
    expect(await first.enqueue(request('first-tab', 'webchat:someone-else'))).toBe(true);
  });
});

describe('two processes opening cases for one user at once (HandoffService on Redis)', () => {
  const quietMessenger: CaseMessenger = { send: async () => undefined };

  function service(store: HandoffStore): HandoffService {
    return new HandoffService({
      store,
      transcripts: new InMemoryTranscriptStore(10, 60),
      messenger: quietMessenger,
      disputes: new DisputeService({ store: new InMemoryDisputeStore() }),
      content: PolicyContent.load(),
    });
  }

  it('opens one case; the other request is told the user already waits elsewhere', async () => {
    const [storeA, storeB] = storesOf('redis');
    const owner = 'msteams:aad:someone';
    const ask = (id: string) => {
      const { queuedAt: _queuedAt, ...rest } = request(id, owner);
      return rest;
    };
    const outcomes: OpenOutcome[] = await Promise.all([
      service(storeA).open(ask('teams-chat')),
      service(storeB).open(ask('teams-channel')),
    ]);
    expect(outcomes.filter((outcome) => outcome.opened)).toHaveLength(1);
    expect(outcomes.find((outcome) => !outcome.opened)).toEqual({ opened: false, reason: 'open_elsewhere' });
    expect(await storeA.listOpen()).toHaveLength(1);
  });
});
