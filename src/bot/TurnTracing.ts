import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Middleware, TurnContext } from 'botbuilder';
import { channelLabel } from '../services/metrics/OperationsMetrics';

const tracer = trace.getTracer('dispute-assistant');

/**
 * Adapter middleware, outermost: one span per turn, active while the turn runs, so the Redis calls
 * the turn makes are its children. Without a registered tracer provider the API does nothing.
 * No ids or text go on the span: only the channel and the activity type.
 */
export class TurnTracing implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const attributes = {
      'bot.channel': channelLabel(context.activity.channelId),
      'bot.activity_type': context.activity.type === 'message' ? 'message' : 'other',
    };
    await tracer.startActiveSpan('bot.turn', { kind: SpanKind.SERVER, attributes }, async (span) => {
      try {
        await next();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).name });
        throw error;
      } finally {
        span.end();
      }
    });
  }
}
