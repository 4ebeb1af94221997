import { Pool } from 'undici';
import { activityFor } from './activities';
import { answered } from './answered';
import { serveOrchestrator } from './childProtocol';
import type { LoadRequest, LoadResult } from './driverProtocol';
import { summarizeLatencies } from './percentiles';
import { SCENARIOS, Scenario } from './scenarios';

/**
 * The load driver, run as its own process (forked by the orchestrator, pinned away from the server):
 * simulated users go through scripted conversations over HTTP with deliveryMode expectReplies, each
 * waiting for the answer before the next turn, as a person in a chat widget does.
 */
interface UserOutcome {
  latenciesMs: number[];
  turns: number;
  conversations: number;
  failures: number;
  unexpected: number;
  firstProblem?: string;
  finished: Record<string, { conversationId: string; userId: string }>;
}

async function runLoad(request: LoadRequest): Promise<LoadResult> {
  const scenarios = request.scenarios
    ? SCENARIOS.filter((scenario) => request.scenarios?.includes(scenario.name))
    : [...SCENARIOS];
  const pool = new Pool(request.baseUrl, {
    connections: request.concurrency,
    pipelining: 1,
    keepAliveTimeout: 60000,
    headersTimeout: 30000,
    bodyTimeout: 30000,
  });
  const started = performance.now();
  const deadline = request.durationMs === undefined ? Infinity : started + request.durationMs;
  try {
    const outcomes = await Promise.all(
      Array.from({ length: request.concurrency }, (_, user) =>
        simulatedUser(pool, request, scenarios, user, deadline),
      ),
    );
    const elapsedMs = request.durationMs ?? performance.now() - started;
    const latencies = outcomes.flatMap((outcome) => outcome.latenciesMs);
    const turns = outcomes.reduce((sum, outcome) => sum + outcome.turns, 0);
    return {
      concurrency: request.concurrency,
      elapsedMs,
      turns,
      turnsPerSecond: (turns * 1000) / elapsedMs,
      latency: summarizeLatencies(latencies),
      conversationsCompleted: outcomes.reduce((sum, outcome) => sum + outcome.conversations, 0),
      failures: outcomes.reduce((sum, outcome) => sum + outcome.failures, 0),
      unexpected: outcomes.reduce((sum, outcome) => sum + outcome.unexpected, 0),
      firstProblem: outcomes.find((outcome) => outcome.firstProblem)?.firstProblem,
      sampleConversations: Object.assign({}, ...outcomes.map((outcome) => outcome.finished)),
    };
  } finally {
    await pool.close();
  }
}

async function simulatedUser(
  pool: Pool,
  request: LoadRequest,
  scenarios: Scenario[],
  user: number,
  deadline: number,
): Promise<UserOutcome> {
  const outcome: UserOutcome = {
    latenciesMs: [],
    turns: 0,
    conversations: 0,
    failures: 0,
    unexpected: 0,
    finished: {},
  };
  for (let round = 0; ; round += 1) {
    if (request.conversationsPerUser !== undefined && round >= request.conversationsPerUser) break;
    if (performance.now() >= deadline) break;
    // Users start at different scenarios, so every moment has a mix of all of them.
    const scenario = scenarios[(user + round) % scenarios.length];
    const conversationId = `bench-${request.runId}-${user}-${round}`;
    // Every conversation is another person: thousands of users, each within the per-user rate limit.
    const userId = `bench-user-${request.runId}-${user}-${round}`;
    let completed = true;
    for (const turn of scenario.turns) {
      if (performance.now() >= deadline) return outcome;
      const sentAt = performance.now();
      let problem: string | undefined;
      let failed = false;
      try {
        const { statusCode, body } = await pool.request({
          path: '/api/messages',
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activityFor(turn, conversationId, userId, request.timeZone)),
        });
        const text = await body.text();
        if (statusCode !== 200) {
          failed = true;
          problem = `${scenario.name}: HTTP ${statusCode} ${text.slice(0, 200)}`;
        } else if (!answered(turn, text, request.expect)) {
          problem = `${scenario.name}: "${turn.text ?? turn.kind}" answered ${text.slice(0, 300)}`;
        }
      } catch (error) {
        failed = true;
        problem = `${scenario.name}: ${(error as Error).message}`;
      }
      const answeredAt = performance.now();
      if (problem) {
        if (failed) outcome.failures += 1;
        else outcome.unexpected += 1;
        outcome.firstProblem ??= problem;
        completed = false;
        break; // the conversation is off its script; start a new one
      }
      // Every turn sent inside the window has its latency kept (slow last turns included); throughput
      // counts only the turns answered inside the window.
      outcome.latenciesMs.push(answeredAt - sentAt);
      if (answeredAt <= deadline) outcome.turns += 1;
    }
    if (completed) {
      outcome.conversations += 1;
      outcome.finished[scenario.name] = { conversationId, userId };
    }
  }
  return outcome;
}

serveOrchestrator(runLoad);
