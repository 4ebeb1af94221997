import { createHash } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { TranscriptEntry, TranscriptStore } from './TranscriptStore';

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
    const tag = createHash('sha256').update(conversationId, 'utf8').digest('hex').slice(0, 16);
    return `${this.options.prefix}:transcript:{${tag}}`;
  }

  async append(conversationId: string, entries: TranscriptEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const key = this.key(conversationId);
    const results = await this.client
      .multi()
      .rpush(key, ...entries.map((entry) => JSON.stringify(entry)))
      .ltrim(key, -this.options.maxEntries, -1)
      .expire(key, this.options.ttlSeconds)
      .exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async read(conversationId: string): Promise<TranscriptEntry[]> {
    const raw = await this.client.lrange(this.key(conversationId), 0, -1);
    return raw.map((entry) => JSON.parse(entry) as TranscriptEntry);
  }
}
