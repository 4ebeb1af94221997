/** Prints the bench's figures one per line (`name value [unit] [(note)]`), as they are measured. */
export class Report {
  section(title: string): void {
    console.log(`\n# ${title}`);
  }

  figure(name: string, value: number | string, unit = '', note = ''): void {
    const shown = typeof value === 'number' ? formatNumber(value) : value;
    console.log(`${name} ${shown}${unit ? ` ${unit}` : ''}${note ? ` (${note})` : ''}`);
  }

  note(text: string): void {
    console.log(text);
  }
}

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100
    ? value.toFixed(1)
    : Math.abs(value) >= 1
      ? value.toFixed(2)
      : value.toFixed(3);
}

/** Rounds for the final JSON object: figures, not float noise. */
export function rounded(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
