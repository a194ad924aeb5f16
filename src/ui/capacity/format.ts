/** Number formatting for the capacity views; null means unbounded (saturated), never a huge number. */
export function fmtMs(v: number | null | undefined): string {
  if (v === null || v === undefined) return '∞';
  if (!Number.isFinite(v)) return '∞';
  if (v < 1) return `${v.toFixed(2)} ms`;
  if (v < 10) return `${v.toFixed(1)} ms`;
  if (v < 10_000) return `${Math.round(v)} ms`;
  return `${(v / 1000).toFixed(1)} s`;
}

export function fmtRps(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v < 10) return `${+v.toFixed(2)}/s`;
  if (v < 1000) return `${Math.round(v)}/s`;
  if (v < 1e6) return `${+(v / 1000).toFixed(v < 1e4 ? 2 : 1)}k/s`;
  return `${+(v / 1e6).toFixed(2)}M/s`;
}

export function fmtUsd(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v < 1) return `$${v.toFixed(3)}`;
  if (v < 100) return `$${v.toFixed(2)}`;
  return `$${Math.round(v).toLocaleString('en-US')}`;
}

export function fmtPct(v: number | null | undefined, digits = 0): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

/** Availability as "nines": 0.9995 → 99.95%. */
export function fmtAvailability(v: number): string {
  if (v >= 1) return '100%';
  const nines = Math.max(0, Math.min(6, Math.ceil(-Math.log10(1 - v)) + 1));
  return `${(v * 100).toFixed(Math.max(1, nines - 2))}%`;
}

export function fmtNumber(v: number, unit: string): string {
  if (unit === 'ms') return fmtMs(v);
  if (unit === 'req/s' || unit === 'rps') return fmtRps(v);
  if (unit === 'USD' || unit === '$' || unit === 'USD/month' || unit === '$/month') return fmtUsd(v);
  const abs = Math.abs(v);
  const s = abs >= 1000 ? Math.round(v).toLocaleString('en-US') : abs >= 10 ? v.toFixed(1) : abs >= 0.01 ? v.toFixed(3) : v.toPrecision(3);
  return unit ? `${s} ${unit}` : s;
}

/** Utilisation band used by badges and charts. */
export function utilBand(u: number, saturated: boolean): 'ok' | 'warn' | 'hot' | 'sat' {
  if (saturated || u >= 1) return 'sat';
  if (u >= 0.85) return 'hot';
  if (u >= 0.7) return 'warn';
  return 'ok';
}
