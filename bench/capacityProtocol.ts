import type { ChildMessage } from './childProtocol';
import type { WindowVitals } from './windowVitals';
/** What the orchestrator asks the capacity driver to do: ramp up users who pause between turns. */
export interface CapacityRequest {
  baseUrl: string;
  runId: string;
  timeZone: string;
  /** Which answers are right: the scripts' (the assistant) or the echo bot's. */
  expect: 'assistant' | 'echo';
  /** Users added per second, evenly, until `maxUsers` or the end of the ramp. */
  usersPerSecond: number;
  maxUsers: number;
  /** The ramp stops after this long, or at the first window whose p99 is over the line. */
  maxDurationMs: number;
  /** Latencies are judged per window of this length. */
  windowMs: number;
  p99LimitMs: number;
  /** Each user waits a random time in this range before every turn, as a person reading and typing. */
  thinkMinMs: number;
  thinkMaxMs: number;
  /** The server's and Redis's process ids, for each window's CPU figures (absent: not measured). */
  serverPid?: number;
  redisPid?: number;
}

/** One window of the ramp: the turns sent in it and how many users were talking meanwhile. */
export interface CapacityWindow {
  endsAtMs: number;
  /** Users in a conversation (each reads and types between turns) through the whole window. */
  users: number;
  usersAtEnd: number;
  turns: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The most requests the driver had in flight at once in the window. */
  inFlightMax: number;
  /** What each process did meanwhile (absent when the server's /metrics could not be read). */
  vitals?: WindowVitals;
}

export interface CapacityResult {
  windows: CapacityWindow[];
  /** The most users of a window that, like every window before it, kept p99 under the line. */
  usersHeld: number;
  /** Why the ramp stopped: the line was crossed, all users were added, or time was up. */
  stoppedBy: 'p99_over_limit' | 'max_users' | 'max_duration';
  failures: number;
  unexpected: number;
  firstProblem?: string;
}

export type CapacityMessage = ChildMessage<CapacityResult>;
