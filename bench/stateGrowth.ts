import type { Redis } from 'ioredis';
import { activityFor, BENCH_CHANNEL } from './activities';
import type { Scenario } from './scenarios';
import { StateSize, stateSizeOf } from './stateSize';

export interface StateGrowth {
  /** The largest the conversation's state got, after any turn. */
  peak: StateSize & { afterTurn: string };
  /** After the last turn (the dispute recorded, the flow ended). */
  final: StateSize;
  /** The user's state (user-scoped keys), after the last turn. */
  user: StateSize;
}

/** Walks one conversation turn by turn and measures its state in Redis after each turn. */
export async function measureStateGrowth(
  baseUrl: string,
  redis: Redis,
  keyPrefix: string,
  scenario: Scenario,
  timeZone: string,
): Promise<StateGrowth> {
  const conversationId = `bench-state-${Date.now()}`;
  const userId = `bench-state-user-${Date.now()}`;
  let peak: StateGrowth['peak'] = { keys: 0, valueBytes: 0, memoryBytes: 0, afterTurn: '' };
  let final: StateSize = { keys: 0, valueBytes: 0, memoryBytes: 0 };
  for (const turn of scenario.turns) {
    const response = await fetch(`${baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activityFor(turn, conversationId, userId, timeZone)),
    });
    const body = await response.text();
    if (response.status !== 200 || !turn.expect.test(body)) {
      throw new Error(
        `state walk: "${turn.text ?? turn.kind}" answered ${response.status} ${body.slice(0, 300)}`,
      );
    }
    final = await stateSizeOf(redis, keyPrefix, BENCH_CHANNEL, 'conversations', conversationId);
    if (final.valueBytes > peak.valueBytes) peak = { ...final, afterTurn: turn.text ?? turn.kind };
  }
  const user = await stateSizeOf(redis, keyPrefix, BENCH_CHANNEL, 'users', userId);
  return { peak, final, user };
}
