import type { Redis } from 'ioredis';

export interface StateSize {
  keys: number;
  /** The stored strings' length: eTag + JSON, what crosses the network on every read. */
  valueBytes: number;
  /** MEMORY USAGE: what Redis allocates for the keys, overhead included. */
  memoryBytes: number;
}

/** Every key under the prefix whose name contains `{<channel>/<scope>/<id>}` (the hash tag the storage uses). */
export async function stateSizeOf(
  redis: Redis,
  prefix: string,
  channelId: string,
  scope: 'conversations' | 'users',
  id: string,
): Promise<StateSize> {
  const pattern = `${prefix}:state:{${channelId}/${scope}/${id}}*`;
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  let valueBytes = 0;
  let memoryBytes = 0;
  for (const key of keys) {
    valueBytes += await redis.strlen(key);
    memoryBytes += Number((await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0')) ?? 0);
  }
  return { keys: keys.length, valueBytes, memoryBytes };
}
