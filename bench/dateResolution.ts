import { resolveArrivalDate, userClockFrom, warmUpDateRecognizer } from '../src/services/time';
import { summarizeLatencies } from './percentiles';

/** Answers users give to "when did the refund request arrive?", resolved and not. */
const ANSWERS = [
  'yesterday',
  '3 days ago',
  'last Friday',
  'Nov 20',
  'this morning',
  'on Monday around 3pm',
  'I got the refund request 2 days ago',
  'next Friday',
  'last week',
  'banana',
];

const ROUNDS = 30;

/** Time to read one answer into an arrival date (recognizers-text + the user's clock), in-process. */
export function measureDateResolution(): { date_ms_per_utterance: number; date_p99_ms: number } {
  const warmStart = performance.now();
  warmUpDateRecognizer();
  const warmUpMs = performance.now() - warmStart;
  const clock = userClockFrom({ timestamp: new Date(), localTimezone: 'America/New_York' }, 'UTC');
  for (const answer of ANSWERS) resolveArrivalDate(answer, clock);
  const timings: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const answer of ANSWERS) {
      const started = performance.now();
      resolveArrivalDate(answer, clock);
      timings.push(performance.now() - started);
    }
  }
  const summary = summarizeLatencies(timings);
  console.log(`date_warmup_ms ${warmUpMs.toFixed(0)}`);
  console.log(
    `date_ms_per_utterance ${summary.meanMs.toFixed(3)} (p50 ${summary.p50Ms.toFixed(3)}, p99 ${summary.p99Ms.toFixed(3)}; ${ANSWERS.length} answers x ${ROUNDS})`,
  );
  return { date_ms_per_utterance: summary.meanMs, date_p99_ms: summary.p99Ms };
}
