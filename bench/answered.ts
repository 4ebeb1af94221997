import type { LoadRequest } from './driverProtocol';
import type { ScriptedTurn } from './scenarios';

/** Whether a response body is the right answer to a scripted turn: the script's, or the echo bot's. */
export function answered(turn: ScriptedTurn, body: string, expect: LoadRequest['expect']): boolean {
  if (expect === 'assistant') return turn.expect.test(body);
  const texts = ((JSON.parse(body) as { activities?: Array<{ text?: string }> }).activities ?? []).map(
    (activity) => activity.text,
  );
  return texts.includes(turn.kind === 'join' ? 'Hello and welcome!' : `Echo: ${turn.text}`);
}
