import { Cluster, Redis } from 'ioredis';
import { RedisDisputeStore } from '../../src/services/disputes/RedisDisputeStore';
import { PrivateRedis } from '../support/privateRedis';
import { describeDisputeServiceContract } from './support/disputeServiceContract';

let server: PrivateRedis;
let client: Redis;
let testNumber = 0;

beforeAll(async () => {
  server = await PrivateRedis.start();
  client = new Redis(server.url);
});

afterAll(async () => {
  client.disconnect();
  await server.destroy();
});

// One private server per file; each test gets its own key prefix, so nothing is flushed.
describeDisputeServiceContract('Redis', async () => ({
  store: new RedisDisputeStore(client, `test${(testNumber += 1)}`),
  close: async () => undefined,
}));

describe('on a Redis Cluster', () => {
  let clusterNode: PrivateRedis;
  let cluster: Cluster;

  beforeAll(async () => {
    // A lone node does not know its own address until it meets others, so it is told it.
    clusterNode = await PrivateRedis.start({
      extraArgs: ['--cluster-enabled', 'yes', '--cluster-announce-ip', '127.0.0.1'],
    });
    // A one-node cluster owning every slot: Redis still refuses any command whose keys span slots (CROSSSLOT).
    const admin = new Redis(clusterNode.url);
    await admin.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    while (!String(await admin.call('CLUSTER', 'INFO')).includes('cluster_state:ok')) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    admin.disconnect();
    cluster = new Cluster([{ host: '127.0.0.1', port: clusterNode.port }]);
  });

  afterAll(async () => {
    cluster.disconnect();
    await clusterNode.destroy();
  });

  describeDisputeServiceContract('Redis Cluster', async () => ({
    store: new RedisDisputeStore(cluster, `cluster${(testNumber += 1)}`),
    close: async () => undefined,
  }));
});
