import type { IntentResult } from './IntentRecognizer';
import type { OperationsMetrics } from '../metrics/OperationsMetrics';

/** The intent model, counting each recognition's top intent (a closed set of labels). */
interface IntentSource {
  recognize(text: string): Promise<IntentResult>;
}

export function countingIntents(
  source: IntentSource,
  metrics: OperationsMetrics,
  confidentScore: number,
): IntentSource {
  return {
    recognize: async (text) => {
      const result = await source.recognize(text);
      metrics.intents.inc({ intent: result.intent, confident: String(result.score >= confidentScore) });
      return result;
    },
  };
}
