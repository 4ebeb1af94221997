import { writeFileSync } from 'node:fs';
import net from 'node:net';
import Redis from 'ioredis';

/**
 * Preloaded into a bot process for the Redis counting phase only (`node --require redisTap.js`),
 * never into the processes whose speed is measured. It counts, inside the bot, every Redis command
 * its clients send and every write to a Redis socket: one write is one request batch, so one round
 * trip (auto-pipelining puts the commands of one tick in one write). Each command is filed under its
 * key's first segment after the prefix ("state", "seen", "ratelimit", "dispute", ...), so bot state
 * is told apart from the rest without MONITOR. On SIGUSR2 it writes its counts to BENCH_REDIS_TAP_FILE.
 */
export interface TapCounts {
  sequence: number;
  commandsByCategory: Record<string, number>;
  commandsByName: Record<string, number>;
  /** Socket writes (round trips) that carried at least one command of the category. */
  roundTripsByCategory: Record<string, number>;
  /** Socket writes by the set of categories they carried ("handoff+ratelimit+seen+state"). */
  roundTripsByCategorySet: Record<string, number>;
  roundTrips: number;
}

interface SentCommand {
  name: string;
  args: unknown[];
}

const counts: TapCounts = {
  sequence: 0,
  commandsByCategory: {},
  commandsByName: {},
  roundTripsByCategory: {},
  roundTripsByCategorySet: {},
  roundTrips: 0,
};
const redisPort = Number(new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').port || 6379);
const prefix = `${process.env.REDIS_KEY_PREFIX ?? 'fpp'}:`;
/** Per connection: categories of the commands handed to ioredis since its socket's last write. */
const pending = new WeakMap<object, Set<string>>();

function categoryOf(command: SentCommand): string {
  const key = command.args.find((arg): arg is string => typeof arg === 'string' && arg.startsWith(prefix));
  if (!key) return `other:${command.name}`;
  return key.slice(prefix.length).split(/[:{]/)[0] || 'other';
}

function bump(table: Record<string, number>, key: string): void {
  table[key] = (table[key] ?? 0) + 1;
}

const redisPrototype = Redis.prototype as unknown as {
  sendCommand: (this: Redis, command: SentCommand, ...rest: unknown[]) => unknown;
};
const sendCommand = redisPrototype.sendCommand;
redisPrototype.sendCommand = function tappedSendCommand(
  this: Redis,
  command: SentCommand,
  ...rest: unknown[]
) {
  const category = categoryOf(command);
  bump(counts.commandsByCategory, category);
  bump(counts.commandsByName, command.name);
  const socket = (this as unknown as { stream?: object }).stream;
  if (socket) pending.set(socket, (pending.get(socket) ?? new Set()).add(category));
  return sendCommand.call(this, command, ...rest);
};

const socketPrototype = net.Socket.prototype as unknown as {
  write: (this: net.Socket, ...args: unknown[]) => boolean;
};
const write = socketPrototype.write;
socketPrototype.write = function tappedWrite(this: net.Socket, ...args: unknown[]) {
  const categories = this.remotePort === redisPort ? pending.get(this) : undefined;
  if (categories && categories.size > 0) {
    counts.roundTrips += 1;
    for (const category of categories) bump(counts.roundTripsByCategory, category);
    bump(counts.roundTripsByCategorySet, [...categories].sort().join('+'));
    pending.delete(this);
  }
  return write.apply(this, args);
};

process.on('SIGUSR2', () => {
  counts.sequence += 1;
  const file = process.env.BENCH_REDIS_TAP_FILE;
  if (file) writeFileSync(file, JSON.stringify(counts));
});
