import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Channels with a label of their own; any other channel id (it comes from the request) is "other". */
const KNOWN_CHANNELS: ReadonlySet<string> = new Set([
  'msteams',
  'slack',
  'webchat',
  'directline',
  'emulator',
  'test',
]);

/** Turn latency buckets in seconds: a turn should answer well under a second. */
const TURN_SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** A channel label with bounded cardinality. */
export function channelLabel(channelId: string | undefined): string {
  return channelId && KNOWN_CHANNELS.has(channelId) ? channelId : 'other';
}

/** What the scrape reads at the moment it happens (queue depths, breaker state). */
export interface MetricSources {
  storageCircuitOpen(): boolean;
  handoffCases(): Promise<{ waiting: number; accepted: number }>;
  jobQueues(): Promise<Array<{ queue: string; pending: number; failed: number }>>;
}

/**
 * The assistant's operations metrics in one prom-client registry of its own (several apps in one test
 * process do not collide): turns, their latency and errors, intents, hand-offs, the storage breaker,
 * rate limiting, job queues, and Node's process metrics.
 */
export class OperationsMetrics {
  readonly registry = new Registry();

  readonly turnSeconds = new Histogram({
    name: 'bot_turn_duration_seconds',
    help: 'Time from receiving an activity to the end of its turn, per channel',
    labelNames: ['channel'] as const,
    buckets: TURN_SECONDS_BUCKETS,
    registers: [this.registry],
  });

  readonly turns = this.counter('bot_turns_total', 'Turns handled, per channel and activity type', [
    'channel',
    'type',
  ]);

  readonly turnErrors = this.counter(
    'bot_turn_errors_total',
    'Turns that ended in an error (the user got an apology), per channel and kind',
    ['channel', 'kind'],
  );

  readonly rateLimitedTurns = this.counter(
    'bot_rate_limited_turns_total',
    'Messages refused because their user was over the message limit',
    ['channel'],
  );

  readonly intents = this.counter(
    'bot_intents_total',
    'Intents the model recognised, by top intent and whether it was confident',
    ['intent', 'confident'],
  );

  readonly handoffs = this.counter('bot_handoffs_total', 'Conversations handed to a person, by reason', [
    'reason',
  ]);

  constructor(sources: MetricSources) {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    new Gauge({
      name: 'bot_storage_circuit_open',
      help: '1 while the storage circuit breaker refuses Redis calls, 0 otherwise',
      registers,
      collect() {
        this.set(sources.storageCircuitOpen() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'bot_handoff_queue_cases',
      help: 'Open hand-off cases, by status (waiting for a person, or accepted)',
      labelNames: ['status'] as const,
      registers,
      async collect() {
        const cases = await sources.handoffCases().catch(() => undefined);
        if (!cases) return;
        this.set({ status: 'waiting' }, cases.waiting);
        this.set({ status: 'accepted' }, cases.accepted);
      },
    });
    const queues = async () => sources.jobQueues().catch(() => []);
    const queueGauges = [
      ['bot_job_queue_pending', 'Jobs waiting, delayed or running, per queue', 'pending'],
      ['bot_job_queue_failed', 'Jobs that used up their tries and are kept as failed, per queue', 'failed'],
    ] as const;
    for (const [name, help, count] of queueGauges) {
      new Gauge({
        name,
        help,
        labelNames: ['queue'] as const,
        registers,
        async collect() {
          for (const counts of await queues()) this.set({ queue: counts.queue }, counts[count]);
        },
      });
    }
  }

  /** A counter in this registry. */
  private counter<Label extends string>(name: string, help: string, labelNames: Label[]): Counter<Label> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /** The Prometheus text exposition of every metric. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
