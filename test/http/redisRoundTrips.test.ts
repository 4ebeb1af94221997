import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TapCounts } from '../../bench/redisTap';
import { readTap } from '../../bench/redisTapReader';
import { BotConversation, textOf } from '../support/botConversation';
import { BotProcess } from '../support/botProcess';
import { PrivateRedis } from '../support/privateRedis';

// The bench's Redis tap (built by pretest), preloaded into the bot: it counts the bot's socket writes.
const TAP = path.resolve(__dirname, '../../dist/bench/redisTap.js');

let redisServer: PrivateRedis;
let directory: string;

beforeAll(async () => {
  redisServer = await PrivateRedis.start();
  directory = mkdtempSync(path.join(os.tmpdir(), 'round-trips-'));
});

afterAll(async () => {
  await redisServer.destroy();
  rmSync(directory, { recursive: true, force: true });
});

/** Round trips between two tap readings, by the keys they carried; the job queues' own are left out. */
function turnRoundTrips(before: TapCounts, after: TapCounts): Record<string, number> {
  const trips: Record<string, number> = {};
  for (const [categories, count] of Object.entries(after.roundTripsByCategorySet)) {
    const delta = count - (before.roundTripsByCategorySet[categories] ?? 0);
    if (delta > 0 && !categories.startsWith('other')) trips[categories] = delta;
  }
  return trips;
}

describe('Redis round trips of a turn', () => {
  it('reads everything a message turn needs in one round trip and writes everything in one more', async () => {
    const tapFile = path.join(directory, 'tap.json');
    const bot = await BotProcess.start({
      REDIS_URL: redisServer.url,
      REDIS_KEY_PREFIX: 'trips',
      NODE_OPTIONS: `--require ${TAP}`,
      BENCH_REDIS_TAP_FILE: tapFile,
    });
    try {
      const conversation = new BotConversation(bot.baseUrl, { channelId: 'webchat' });
      // The process's first turn also loads the Lua scripts; it is not the one counted.
      expect(textOf(await conversation.send('how does arbitration work?'))).toMatch(/arbitration/i);
      const before = await readTap(bot.pid, tapFile, undefined);
      // A turn that moves the conversation on, so its state changes and is written.
      expect(
        textOf(await conversation.send('my client ended the job and requested the escrow back')),
      ).toMatch(/refund request arrive/);
      const after = await readTap(bot.pid, tapFile, before);
      // Before: dedupe, rate limit, bot state and hand-off status together. After: state and transcript.
      expect(turnRoundTrips(before, after)).toEqual({
        'handoff+ratelimit+seen+state': 1,
        'state+transcript': 1,
      });
    } finally {
      await bot.stop();
    }
  });
});
