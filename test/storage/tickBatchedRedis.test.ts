import Redis from 'ioredis';
import { tickBatchedRedis } from '../../src/services/persistence/redis/tickBatchedRedis';
import { PrivateRedis } from '../support/privateRedis';

let server: PrivateRedis;
let client: Redis;
let counters: Redis;

beforeAll(async () => {
  server = await PrivateRedis.start();
  client = new Redis(server.url, { enableAutoPipelining: false });
  counters = new Redis(server.url, { enableAutoPipelining: false });
  client.defineCommand('testDouble', {
    numberOfKeys: 1,
    lua: "return tonumber(redis.call('GET', KEYS[1])) * 2",
  });
});

afterAll(async () => {
  client.disconnect();
  counters.disconnect();
  await server.destroy();
});

/** Read events on client sockets: one per request batch the server received. */
async function socketReads(): Promise<number> {
  const info = await counters.info('stats');
  return Number(/^total_reads_processed:(\d+)/m.exec(info)?.[1]);
}

type WithDouble = Redis & { testDouble(key: string): Promise<number> };

describe('tickBatchedRedis', () => {
  it('sends the commands of one tick in one round trip, each caller getting its own answer', async () => {
    const batched = tickBatchedRedis(client) as WithDouble;
    await client.set('batch:number', '21');
    await batched.ping(); // connection warm, script cache loaded by the first pipeline below
    await Promise.all([batched.testDouble('batch:number'), batched.get('batch:number')]);

    const before = await socketReads();
    const answers = await Promise.all([
      batched.set('batch:seen', '1', 'EX', 60, 'NX'),
      batched.set('batch:seen', '1', 'EX', 60, 'NX'),
      batched.mget('batch:number', 'batch:missing'),
      batched.testDouble('batch:number'),
      batched.hgetall('batch:no-hash'),
    ]);
    const after = await socketReads();

    expect(answers).toEqual(['OK', null, ['21', null], 42, {}]);
    // One read for the batch, one for the second INFO.
    expect(after - before).toBe(2);
  });

  it('fails only the command that failed', async () => {
    const batched = tickBatchedRedis(client);
    await client.set('batch:text', 'not a list');
    const [pushed, read] = await Promise.allSettled([
      batched.rpush('batch:text', 'x'),
      batched.get('batch:text'),
    ]);
    expect(pushed.status).toBe('rejected');
    expect(read).toEqual({ status: 'fulfilled', value: 'not a list' });
  });

  it('sends commands of different ticks separately, in order', async () => {
    const batched = tickBatchedRedis(client);
    await batched.set('batch:order', 'first');
    expect(await batched.get('batch:order')).toBe('first');
    await batched.set('batch:order', 'second');
    expect(await batched.get('batch:order')).toBe('second');
  });

  it('leaves other members to the client itself', async () => {
    const batched = tickBatchedRedis(client);
    expect(batched.status).toBe('ready');
    const results = await batched.multi().set('batch:multi', 'a').get('batch:multi').exec();
    expect(results).toEqual([
      [null, 'OK'],
      [null, 'a'],
    ]);
  });
});
