import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  SimpleSpanProcessor,
  SpanExporter,
} from '@opentelemetry/sdk-trace-node';

/** A running tracer: flushes and stops on shutdown. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider for this process and the ioredis instrumentation, so every Redis
 * command made while a turn's span is active becomes its child span. Must run before ioredis is
 * loaded (index.ts starts it before it loads the app). `batch` for production, off in tests.
 */
export function startTracing(exporter: SpanExporter, options: { batch: boolean }): Tracing {
  const processor = options.batch ? new BatchSpanProcessor(exporter) : new SimpleSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ spanProcessors: [processor] });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new IORedisInstrumentation({
        // Redis work outside a turn (job queues polling) makes no lone spans.
        requireParentSpan: true,
        // The command name only: keys hold conversation ids and values hold what users wrote.
        dbStatementSerializer: (command) => command,
      }),
    ],
  });
  return {
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}

/**
 * Tracing exported over OTLP/HTTP, for when OTEL_EXPORTER_OTLP_ENDPOINT is set: the exporter reads
 * it and the other standard OTEL_EXPORTER_OTLP_* variables (headers, timeout) itself.
 */
export function startOtlpTracing(): Tracing {
  return startTracing(new OTLPTraceExporter(), { batch: true });
}
