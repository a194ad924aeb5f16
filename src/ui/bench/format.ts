/** Millisecond values from microseconds to minutes, with 2–3 significant figures. */
export function fmtMsShort(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 1) return `${(ms * 1000).toPrecision(3)} µs`;
  if (ms < 100) return `${ms.toPrecision(3)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function fmtPct(v: number): string {
  return `${v.toFixed(Math.abs(v) < 10 ? 1 : 0)}%`;
}

export function fmtFlops(f: number): string {
  if (f >= 1e9) return `${(f / 1e9).toPrecision(3)} GFLOP`;
  if (f >= 1e6) return `${(f / 1e6).toPrecision(3)} MFLOP`;
  if (f >= 1e3) return `${(f / 1e3).toPrecision(3)} kFLOP`;
  return `${f} FLOP`;
}

export function fmtBytes(b: number): string {
  if (b >= 1e9) return `${(b / 1e9).toPrecision(3)} GB`;
  if (b >= 1e6) return `${(b / 1e6).toPrecision(3)} MB`;
  if (b >= 1e3) return `${(b / 1e3).toPrecision(3)} kB`;
  return `${b} B`;
}
