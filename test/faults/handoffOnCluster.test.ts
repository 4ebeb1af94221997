import type { Cluster } from 'ioredis';
import { RedisHandoffStore } from '../../src/services/handoff/RedisHandoffStore';
import { PrivateRedisCluster } from './support/privateRedisCluster';
import { caseRequest as request } from '../handoff/support/caseRequest';

/**
 * The hand-off queue on a real three-master Redis Cluster: a case's keys and a user's opening lock
 * each stay in one hash slot (no CROSSSLOT), and one user's two requests at once still queue one case.
 */

let redisCluster: PrivateRedisCluster;
let cluster: Cluster;

beforeAll(async () => {
  redisCluster = await PrivateRedisCluster.start();
  cluster = redisCluster.client();
}, 30000);

afterAll(async () => {
  cluster?.disconnect();
  await redisCluster?.destroy();
});

it('queues one case per user, accepts and closes them, with users spread over the masters', async () => {
  const store = new RedisHandoffStore(cluster, { prefix: 'hc', caseTtlSeconds: 600, maxMessagesPerCase: 5 });
  const users = Array.from({ length: 12 }, (_, index) => `webchat:user-${index}`);
  const results = await Promise.all(
    users.map((owner, index) =>
      Promise.all([store.enqueue(request(`a-${index}`, owner)), store.enqueue(request(`b-${index}`, owner))]),
    ),
  );
  for (const pair of results) expect(pair.filter(Boolean)).toHaveLength(1);
  const open = await store.listOpen();
  expect(open).toHaveLength(users.length);
  for (const item of open) {
    expect(await store.accept(item.id, 'alice', '2026-11-20T10:01:00.000Z')).toMatchObject({
      accepted: true,
    });
    expect(
      await store.appendMessage(item.id, { at: '2026-11-20T10:02:00.000Z', from: 'user', text: 'hi' }),
    ).toBe(1);
    expect(await store.close(item.id, 'closed', '2026-11-20T10:03:00.000Z')).toMatchObject({
      status: 'closed',
    });
  }
  expect(await store.listOpen()).toEqual([]);
  // The cases' keys really are spread: more than one master holds some.
  const masters = cluster.nodes('master');
  const holding = await Promise.all(masters.map(async (node) => (await node.keys('hc:handoff:*')).length));
  expect(holding.filter((count) => count > 0).length).toBeGreaterThan(1);
});
