import type { ChildMessage } from './childProtocol';
import type { LatencySummary } from './percentiles';

/** What the orchestrator asks the load driver to do. */
export interface LoadRequest {
  baseUrl: string;
  /** Conversations in flight at once: each is one simulated user waiting for every answer. */
  concurrency: number;
  /** Run for this long, or until each simulated user has had `conversationsPerUser` conversations. */
  durationMs?: number;
  conversationsPerUser?: number;
  /** Which scenarios the users go through, in turn (all when absent). */
  scenarios?: string[];
  /** The assistant's answers are checked against each scenario; the echo bot's against the echo. */
  expect: 'assistant' | 'echo';
  /** Unique per run, so conversation ids never repeat across runs on the same Redis. */
  runId: string;
  timeZone: string;
}

export interface LoadResult {
  concurrency: number;
  elapsedMs: number;
  /** Turns answered 200 with the expected content, completed inside the run's window. */
  turns: number;
  turnsPerSecond: number;
  latency: LatencySummary;
  conversationsCompleted: number;
  /** Non-200 answers and transport errors. */
  failures: number;
  /** 200 answers that did not say what the scenario expects (the conversation is then dropped). */
  unexpected: number;
  firstProblem?: string;
  /** Ids of the conversations the run finished, by scenario (for state-size checks). */
  sampleConversations: Record<string, { conversationId: string; userId: string }>;
}

export type DriverMessage = ChildMessage<LoadResult>;
