/**
 * How numbers read in an exported doc. Fixed rules (not locale-dependent) so the same design freezes to the same
 * bytes everywhere; null means unbounded (saturated) or not applicable, never a huge number.
 */

export const UNBOUNDED = 'unbounded (saturated)';

/** 12,345 — grouping done by hand so the output does not depend on the runtime's ICU data. */
export function groupThousands(digits: string): string {
  const [int, frac] = digits.split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac === undefined ? grouped : `${grouped}.${frac}`;
}

/** 0.31 ms, 7.9 ms, 150 ms, 2,400 ms, 12.5 s: about three significant digits at every scale. */
export function fmtMs(v: number): string {
  if (v < 1) return `${v.toFixed(2)} ms`;
  if (v < 100) return `${v.toFixed(1)} ms`;
  if (v < 10_000) return `${groupThousands(Math.round(v).toString())} ms`;
  return `${(v / 1000).toFixed(1)} s`;
}

export function fmtRps(v: number): string {
  if (v < 10) return `${v.toFixed(2)} req/s`;
  return `${groupThousands(Math.round(v).toString())} req/s`;
}

export function fmtUsd(v: number): string {
  if (v === 0) return '$0';
  if (v < 1) return `$${v.toFixed(3)}`;
  if (v < 100) return `$${v.toFixed(2)}`;
  return `$${groupThousands(Math.round(v).toString())}`;
}

/** A ratio as a percentage with one decimal: 0.4567 → "45.7%". */
export function fmtPct(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/** Availability with as many decimals as its nines need: 0.9995 → "99.95%", 0.99999 → "99.999%". */
export function fmtAvailability(v: number): string {
  if (v >= 1) return '100%';
  if (v <= 0) return '0%';
  // 1 − 0.99999 is a hair under 1e-5 in floating point; the tolerance keeps it at five nines, not six.
  const nines = Math.ceil(-Math.log10(1 - v) - 1e-6);
  return `${(v * 100).toFixed(Math.min(6, Math.max(1, nines - 2)))}%`;
}
