import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Redis, { Cluster } from 'ioredis';
import { freePort, PrivateRedis } from '../../support/privateRedis';

const run = promisify(execFile);

/**
 * A real Redis Cluster of three masters (no replicas), each a private redis-server on free ports,
 * joined with `redis-cli --cluster create`: slots, and so keys, are spread over three nodes.
 */
export class PrivateRedisCluster {
  private constructor(readonly nodes: PrivateRedis[]) {}

  static async start(): Promise<PrivateRedisCluster> {
    const nodes = await Promise.all(
      [0, 1, 2].map(async () =>
        PrivateRedis.start({
          extraArgs: ['--cluster-enabled', 'yes', '--cluster-port', String(await freePort())],
        }),
      ),
    );
    const cluster = new PrivateRedisCluster(nodes);
    await run('redis-cli', [
      '--cluster',
      'create',
      ...nodes.map((node) => `127.0.0.1:${node.port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ]);
    await cluster.waitUntilHealthy();
    return cluster;
  }

  /** A cluster-aware client (ioredis Cluster) that follows MOVED/ASK redirections. */
  client(): Cluster {
    return new Cluster(this.nodes.map((node) => ({ host: '127.0.0.1', port: node.port })));
  }

  /** How many keys matching the pattern each master holds. */
  async keysPerNode(pattern: string): Promise<number[]> {
    return Promise.all(
      this.nodes.map(async (node) => {
        const redis = new Redis(node.url);
        try {
          return (await redis.keys(pattern)).length;
        } finally {
          redis.disconnect();
        }
      }),
    );
  }

  async destroy(): Promise<void> {
    await Promise.all(this.nodes.map((node) => node.destroy()));
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + 15000;
    while (Date.now() < deadline) {
      const states = await Promise.all(
        this.nodes.map(async (node) => {
          const redis = new Redis(node.url);
          try {
            return String(await redis.call('CLUSTER', 'INFO'));
          } finally {
            redis.disconnect();
          }
        }),
      );
      if (states.every((info) => info.includes('cluster_state:ok'))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the cluster did not reach cluster_state:ok');
  }
}
