import type { Redis } from 'ioredis';

/** The data commands a turn issues; anything else (MULTI, blocking reads, connection control) goes straight through. */
const BATCHED_COMMANDS: ReadonlySet<string> = new Set([
  'get',
  'mget',
  'set',
  'del',
  'expire',
  'hget',
  'hgetall',
  'hset',
  'lrange',
  'rpush',
  'ltrim',
  'zadd',
  'zrange',
  'zrevrange',
  'zrem',
  'evalsha',
  'eval',
]);

interface QueuedCommand {
  name: string;
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

type CommandMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * A view of one Redis client in which the data commands issued in the same turn of the event loop
 * (and the promise callbacks it runs) are sent as one pipeline: one socket write, one round trip.
 * A turn starts its reads together (dedupe, rate limit, bot state, hand-off status) and its writes
 * together (bot state, transcript, ...), so each group costs one round trip instead of one per store.
 *
 * Unlike ioredis's auto-pipelining, a batch never waits for the previous one to be answered, so each
 * command keeps its own timeout behind a frozen server. Lua scripts defined on the client
 * (defineCommand) are batched too. On a Redis Cluster the client is returned as it is: a pipeline
 * there must stay within one slot, and a turn's keys live in several.
 */
export function tickBatchedRedis(redis: Redis): Redis {
  if (redis.isCluster) return redis;
  let queued: QueuedCommand[] | undefined;

  const flush = (): void => {
    const batch = queued ?? [];
    queued = undefined;
    if (batch.length === 1) {
      const [only] = batch;
      (redis[only.name as keyof Redis] as CommandMethod)
        .apply(redis, only.args)
        .then(only.resolve, only.reject);
      return;
    }
    const pipeline = redis.pipeline();
    const commands = pipeline as unknown as Record<string, CommandMethod>;
    for (const command of batch) commands[command.name].apply(pipeline, command.args);
    pipeline.exec().then(
      (results) => {
        batch.forEach((command, index) => {
          const [error, value] = results?.[index] ?? [new Error('Redis pipeline returned no reply'), null];
          if (error) command.reject(error);
          else command.resolve(value);
        });
      },
      (error: unknown) => batch.forEach((command) => command.reject(error)),
    );
  };

  const enqueue = (name: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      if (!queued) {
        queued = [];
        // After the microtasks of this turn of the event loop: every command they issue joins in.
        setImmediate(flush);
      }
      queued.push({ name, args, resolve, reject });
    });

  const wrappers = new Map<string, CommandMethod>();
  const isBatched = (name: string): boolean => BATCHED_COMMANDS.has(name) || name in redis.scriptsSet;
  const wrapperOf = (name: string): CommandMethod => {
    let wrapper = wrappers.get(name);
    if (!wrapper) {
      const member = redis[name as keyof Redis] as unknown;
      wrapper = isBatched(name)
        ? (...args: unknown[]) => enqueue(name, args)
        : // Everything else runs on the client itself, never with the view as `this`.
          (member as CommandMethod).bind(redis);
      wrappers.set(name, wrapper);
    }
    return wrapper;
  };

  return new Proxy(redis, {
    get(target, property) {
      const member: unknown = Reflect.get(target, property);
      if (typeof property !== 'string' || typeof member !== 'function') return member;
      return wrapperOf(property);
    },
  });
}
