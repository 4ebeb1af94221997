import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';
import { activityFor } from './activities';
import { answered } from './answered';
import { serveOrchestrator } from './childProtocol';
import type { CapacityRequest, CapacityResult, CapacityWindow } from './capacityProtocol';
import { summarizeLatencies } from './percentiles';
import { SCENARIOS } from './scenarios';
import { VitalsSampler } from './windowVitals';

/**
 * The capacity driver, its own process (forked by the orchestrator, pinned away from the server):
 * simulated freelancers join at a steady rate and go through the bench's scripts at human pace,
 * pausing 5–20 s before every turn. Each one, done with a conversation, starts the next as a new
 * person. Every window the p99 of the turns sent in it is checked; the ramp stops at the first
 * window over the line. Answers are checked against the scripts, as in the load driver.
 */
/** Below this many turns a window's p99 is its slowest turn or two: such a window is not judged. */
const MIN_JUDGED_TURNS = 100;

const overTheLine = (window: CapacityWindow, limitMs: number): boolean =>
  window.turns >= MIN_JUDGED_TURNS && window.p99Ms > limitMs;

interface Ramp {
  request: CapacityRequest;
  pool: Pool;
  started: number;
  stopping: boolean;
  users: number;
  /** Latencies of the turns sent in the current window. */
  windowLatencies: number[];
  inFlight: number;
  inFlightMax: number;
  failures: number;
  unexpected: number;
  firstProblem?: string;
}

async function runCapacity(request: CapacityRequest): Promise<CapacityResult> {
  const ramp: Ramp = {
    request,
    pool: new Pool(request.baseUrl, {
      connections: 256,
      pipelining: 1,
      keepAliveTimeout: 60000,
      headersTimeout: 30000,
      bodyTimeout: 30000,
    }),
    started: performance.now(),
    stopping: false,
    users: 0,
    windowLatencies: [],
    inFlight: 0,
    inFlightMax: 0,
    failures: 0,
    unexpected: 0,
  };
  const running: Promise<void>[] = [];
  const windows: CapacityWindow[] = [];
  let stoppedBy: CapacityResult['stoppedBy'] = 'max_duration';
  const vitals = new VitalsSampler(`${request.baseUrl}/metrics`, request.serverPid, request.redisPid);
  await vitals.start();
  let nextWindowAt = ramp.started + request.windowMs;
  try {
    for (let user = 0; !ramp.stopping;) {
      const now = performance.now();
      const due = Math.min(
        request.maxUsers,
        Math.floor(((now - ramp.started) * request.usersPerSecond) / 1000),
      );
      for (; user < due; user += 1) running.push(simulatedUser(ramp, user));
      if (now >= nextWindowAt) {
        const window = closeWindow(ramp, now, windows.at(-1));
        window.vitals = await vitals.next();
        windows.push(window);
        nextWindowAt += request.windowMs;
        if (overTheLine(window, request.p99LimitMs)) stoppedBy = 'p99_over_limit';
        else if (user >= request.maxUsers) stoppedBy = 'max_users';
        else if (now - ramp.started >= request.maxDurationMs) stoppedBy = 'max_duration';
        else if (ramp.failures + ramp.unexpected > 0) stoppedBy = 'max_duration';
        else continue;
        ramp.stopping = true;
      }
      await sleep(20);
    }
    await Promise.all(running);
  } finally {
    vitals.stop();
    await ramp.pool.close();
  }
  let usersHeld = 0;
  for (const window of windows) {
    if (overTheLine(window, request.p99LimitMs)) break;
    if (window.turns >= MIN_JUDGED_TURNS) usersHeld = Math.max(usersHeld, window.users);
  }
  return {
    windows,
    usersHeld,
    stoppedBy,
    failures: ramp.failures,
    unexpected: ramp.unexpected,
    firstProblem: ramp.firstProblem,
  };
}

function closeWindow(ramp: Ramp, now: number, previous: CapacityWindow | undefined): CapacityWindow {
  const previousEndMs = previous?.endsAtMs ?? 0;
  const endsAtMs = now - ramp.started;
  const latency = summarizeLatencies(ramp.windowLatencies);
  const turns = ramp.windowLatencies.length;
  const inFlightMax = ramp.inFlightMax;
  ramp.windowLatencies = [];
  ramp.inFlightMax = ramp.inFlight;
  return {
    endsAtMs,
    // The fewer of the window's start and end: the load it held for its whole length.
    users: Math.min(ramp.users, previous?.usersAtEnd ?? 0),
    usersAtEnd: ramp.users,
    turns,
    turnsPerSecond: (turns * 1000) / (endsAtMs - previousEndMs),
    p50Ms: turns === 0 ? 0 : latency.p50Ms,
    p99Ms: turns === 0 ? 0 : latency.p99Ms,
    inFlightMax,
  };
}

/** One person after another on the same seat: think, send, read the answer; a new person per conversation. */
async function simulatedUser(ramp: Ramp, user: number): Promise<void> {
  const { request } = ramp;
  let talking = false;
  try {
    for (let round = 0; !ramp.stopping; round += 1) {
      const scenario = SCENARIOS[(user + round) % SCENARIOS.length];
      const conversationId = `capacity-${request.runId}-${user}-${round}`;
      const userId = `capacity-user-${request.runId}-${user}-${round}`;
      for (const turn of scenario.turns) {
        const think = request.thinkMinMs + Math.random() * (request.thinkMaxMs - request.thinkMinMs);
        await sleep(think);
        if (ramp.stopping) return;
        // Counted from the first message on: before it, a new user adds no load yet.
        if (!talking) ramp.users += 1;
        talking = true;
        const sentAt = performance.now();
        let problem: string | undefined;
        let failed = false;
        ramp.inFlight += 1;
        ramp.inFlightMax = Math.max(ramp.inFlightMax, ramp.inFlight);
        try {
          const { statusCode, body } = await ramp.pool.request({
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
        } finally {
          ramp.inFlight -= 1;
        }
        ramp.windowLatencies.push(performance.now() - sentAt);
        if (problem) {
          if (failed) ramp.failures += 1;
          else ramp.unexpected += 1;
          ramp.firstProblem ??= problem;
          break; // off the script: the next conversation starts
        }
      }
    }
  } finally {
    if (talking) ramp.users -= 1;
  }
}

serveOrchestrator(runCapacity);
