/**
 * Response-time distributions along the request path, on a common grid of step h: a distribution is the
 * probability of each bin [(i − ½)h, (i + ½)h). Sequential stages convolve, a call made with probability p mixes
 * with 0, k parallel calls take the slowest (CDF^k), entries mix by share. Each of these steps is exact on the
 * grid and keeps stochastic order, so a faster stage can never make an end-to-end quantile larger. A
 * distribution carries an exact offset (its minimum), so deterministic parts add without rounding; the random
 * part of each stage is rounded to the nearest bin (≤ h/2, unbiased), and mixtures align offsets to the grid.
 * p99s are never added.
 */
export interface Pmf {
  /** Exact time of bin 0, in ms. */
  offset: number;
  /** Index of the first stored bin (bin i is centred at offset + i·h). */
  start: number;
  p: Float64Array;
}

const EPS = 1e-15;

export const pointPmf = (t = 0): Pmf => ({ offset: t, start: 0, p: Float64Array.of(1) });

function trim(offset: number, start: number, p: Float64Array): Pmf {
  let a = 0;
  let b = p.length;
  while (a < b - 1 && p[a]! < EPS) a++;
  while (b > a + 1 && p[b - 1]! < EPS) b--;
  return { offset, start: start + a, p: a === 0 && b === p.length ? p : p.slice(a, b) };
}

/**
 * Round a distribution given by its survival function onto the grid, relative to its minimum `lo` (nearest bin).
 * Mass above `hi` is put in the last bin, so the CDF stays right up to it.
 */
export function discretize(sf: (t: number) => number, lo: number, hi: number, h: number): Pmf {
  const last = Math.max(0, Math.round((hi - lo) / h));
  const p = new Float64Array(last + 1);
  let prev = 1;
  for (let i = 0; i < last; i++) {
    const s = Math.min(prev, Math.max(0, sf(lo + (i + 0.5) * h)));
    p[i] = prev - s;
    prev = s;
  }
  p[last] = prev;
  return trim(lo, 0, p);
}

/** Independent sum: offsets add exactly, bins convolve. */
export function convolve(a: Pmf, b: Pmf): Pmf {
  const offset = a.offset + b.offset;
  if (a.p.length === 1) return { offset, start: a.start + b.start, p: b.p };
  if (b.p.length === 1) return { offset, start: a.start + b.start, p: a.p };
  const [x, y] = a.p.length >= b.p.length ? [a.p, b.p] : [b.p, a.p];
  const out = new Float64Array(x.length + y.length - 1);
  for (let j = 0; j < y.length; j++) {
    const w = y[j]!;
    if (w < EPS) continue;
    for (let i = 0; i < x.length; i++) out[i + j] = out[i + j]! + w * x[i]!;
  }
  return trim(offset, a.start + b.start, out);
}

/** Weighted mixture (weights sum to 1); offsets are aligned to the smallest one on the grid of step h. */
export function mixture(parts: readonly { w: number; pmf: Pmf }[], h: number): Pmf {
  const live = parts.filter((q) => q.w > 0);
  if (live.length === 1) return live[0]!.pmf;
  const offset = Math.min(...live.map((q) => q.pmf.offset));
  const at = live.map((q) => q.pmf.start + Math.round((q.pmf.offset - offset) / h));
  const start = Math.min(...at);
  const end = Math.max(...live.map((q, k) => at[k]! + q.pmf.p.length));
  const out = new Float64Array(end - start);
  live.forEach(({ w, pmf }, k) => {
    const base = at[k]! - start;
    for (let i = 0; i < pmf.p.length; i++) out[base + i] = out[base + i]! + w * pmf.p[i]!;
  });
  return trim(offset, start, out);
}

/** A call made with probability p (≤ 1), else no time at all. */
export function maybe(a: Pmf, p: number, h: number): Pmf {
  if (p >= 1) return a;
  if (p <= 0) return pointPmf(0);
  return mixture([{ w: p, pmf: a }, { w: 1 - p, pmf: pointPmf(0) }], h);
}

/**
 * The caller waits for the slowest of k parallel calls: floor(k) calls plus one more with probability
 * k − floor(k). CDF of the max of n independent calls is F^n (tail amplification).
 */
export function fanOut(a: Pmf, k: number, h: number): Pmf {
  if (k <= 1) return maybe(a, k, h);
  const n = Math.floor(k);
  const f = k - n;
  const out = new Float64Array(a.p.length);
  let F = 0;
  let prevG = 0;
  for (let i = 0; i < a.p.length; i++) {
    F = Math.min(1, F + a.p[i]!);
    const G = (1 - f) * F ** n + f * F ** (n + 1);
    out[i] = G - prevG;
    prevG = G;
  }
  out[out.length - 1] = out[out.length - 1]! + 1 - prevG;
  return trim(a.offset, a.start, out);
}

/**
 * Tolerance on the probability level. Where q falls exactly on a branch's probability (p99 with a path taken by
 * exactly 1 % of requests) the quantile jumps across the gap between branches; without a tolerance the answer
 * would hinge on 1e-12-sized tails. With it, such a quantile is the end of the faster branch, consistently.
 */
export const QUANTILE_EPS = 1e-9;

/** Smallest t with P(T ≤ t) ≥ q (less QUANTILE_EPS), interpolating linearly inside the bin. */
export function pmfQuantile(a: Pmf, h: number, q: number): number {
  const target = q - QUANTILE_EPS;
  let cum = 0;
  for (let i = 0; i < a.p.length; i++) {
    const pi = a.p[i]!;
    if (pi > 0 && cum + pi >= target) return Math.max(0, a.offset + (a.start + i - 0.5 + Math.max(0, target - cum) / pi) * h);
    cum += pi;
  }
  return a.offset + (a.start + a.p.length - 0.5) * h;
}

export function pmfMean(a: Pmf, h: number): number {
  let m = 0;
  for (let i = 0; i < a.p.length; i++) m += a.p[i]! * (a.start + i);
  return a.offset + m * h;
}

/** Grid step for a horizon H: a power of two near H/bins, so nearby designs share the same grid. */
export function gridStep(horizonMs: number, bins = 1024): number {
  if (!(horizonMs > 0)) return 1e-3;
  return 2 ** Math.ceil(Math.log2(horizonMs / bins));
}
