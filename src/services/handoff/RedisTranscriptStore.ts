import { hash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import { RedisLuaScript } from '../storage/redisLuaScript';
import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';

// One command (so it joins the turn's write batch): append, keep the newest lines, renew the expiry.
// ARGV: max entries, TTL seconds, then the lines.
const APPEND = new RedisLuaScript(`
redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[1]), -1)
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`);

export interface RedisTranscriptStoreOptions {
  prefix: string;
  maxEntries: number;
  ttlSeconds: number;
}

/**
 * Transcripts in Redis: one list per conversation, `<prefix>:transcript:{<sha256(id)[0..16]>}`, trimmed
 * to the newest `maxEntries` lines and expiring `ttlSeconds` after the last one.
 */
export class RedisTranscriptStore implements TranscriptStore {
  constructor(
    private readonly client: Redis | Cluster,
    private readonly options: RedisTranscriptStoreOptions,
  ) {
    if (!options.prefix || /[{}]/.test(options.prefix))
      throw new Error('RedisTranscriptStore needs a non-empty prefix without braces');
  }

  private key(conversationId: string): string {
    const tag = hash('sha256', conversationId, 'hex').slice(0, 16);
    return `${this.options.prefix}:transcript:{${tag}}`;
  }

  async append(conversationId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await APPEND.run(
      this.client,
      [this.key(conversationId)],
      [
        String(this.options.maxEntries),
        String(this.options.ttlSeconds),
        ...entries.map((entry) => JSON.stringify(entry)),
      ],
    );
  }

  async read(conversationId: string): Promise<TranscriptEntry[]> {
    const raw = await this.client.lrange(this.key(conversationId), 0, -1);
    return raw.map((entry) => JSON.parse(entry) as TranscriptEntry);
  }
}
