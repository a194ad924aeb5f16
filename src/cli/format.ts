/** Text output helpers: numbers people can read, tables that line up. */
export function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined) return 'unbounded';
  if (!Number.isFinite(v)) return '∞';
  if (Math.abs(v) >= 1e6 || (Math.abs(v) < 1e-3 && v !== 0)) return v.toExponential(3);
  return v.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function keyValues(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n`;
}

/** Text columns (the first `textCols`) align left, numbers right. */
export function table(head: string[], rows: string[][], textCols = 1): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i < textCols ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return `${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}

export const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
