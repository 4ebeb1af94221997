import { appendFileSync } from 'node:fs';

/**
 * Notes a measured figure (turns during an outage, cases tried) for RELIABILITY.md: appended as a
 * JSON line to $RELIABILITY_FIGURES when that is set, and nothing otherwise.
 */
export function recordFigure(name: string, value: unknown): void {
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${JSON.stringify({ name, value })}\n`);
}
