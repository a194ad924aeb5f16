/** Summary statistics of benchmark samples, and the rule that says when a point is too noisy to fit. */

export interface SampleSummary {
  n: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  /** Sample standard deviation (n − 1 in the denominator; 0 for a single sample). */
  sdMs: number;
  /** sdMs / meanMs. */
  cv: number;
}

/**
 * Percentile of sorted values by linear interpolation between closest ranks: the value at rank
 * h = (n − 1)·q, interpolated between sorted[floor(h)] and sorted[ceil(h)] (Hyndman & Fan type 7, numpy's and
 * R's default). It never invents a value outside [min, max], and p50 of an even count is the midpoint.
 */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of no values');
  const h = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Throws on an empty list or a non-finite or negative sample: a benchmark that produced those is broken. */
export function summarize(samplesMs: readonly number[]): SampleSummary {
  const n = samplesMs.length;
  if (n === 0) throw new RangeError('no samples to summarize');
  for (const s of samplesMs) if (!Number.isFinite(s) || s < 0) throw new RangeError(`bad sample ${s}`);
  const sorted = [...samplesMs].sort((x, y) => x - y);
  const meanMs = sorted.reduce((acc, x) => acc + x, 0) / n;
  const ss = sorted.reduce((acc, x) => acc + (x - meanMs) ** 2, 0);
  const sdMs = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
  return {
    n,
    meanMs,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    minMs: sorted[0]!,
    maxMs: sorted[n - 1]!,
    sdMs,
    cv: meanMs > 0 ? sdMs / meanMs : 0,
  };
}

export interface NoiseRule {
  /** Fewer samples than this and the p50 is not trusted. */
  minSamples: number;
  /** Largest accepted (p90 − p50) / p50. */
  maxSpread: number;
}

/**
 * Defaults. The spread uses p90 rather than the CV because one GC pause or a page fault inflates the CV while
 * leaving p50 (the value we fit) untouched; a wide p50→p90 gap means the bulk of the runs moved, e.g. another
 * process shared the cores for part of the run. 0.5 keeps the ordinary 2–10% jitter of a shared VM.
 */
export const DEFAULT_NOISE_RULE: NoiseRule = { minSamples: 5, maxSpread: 0.5 };

/** How far the bulk of the runs sits above the median: (p90 − p50) / p50. Infinite when p50 is 0. */
export function spreadOf(s: Pick<SampleSummary, 'p50Ms' | 'p90Ms'>): number {
  return s.p50Ms > 0 ? (s.p90Ms - s.p50Ms) / s.p50Ms : Infinity;
}

export type NoiseVerdict = { noisy: false } | { noisy: true; reason: string };

export function isTooNoisy(s: SampleSummary, rule: NoiseRule = DEFAULT_NOISE_RULE): NoiseVerdict {
  if (s.n < rule.minSamples) return { noisy: true, reason: `only ${s.n} samples (need at least ${rule.minSamples})` };
  if (!(s.p50Ms > 0)) return { noisy: true, reason: 'median time is zero: the timer is too coarse for this run' };
  const spread = spreadOf(s);
  if (spread > rule.maxSpread) {
    return { noisy: true, reason: `too noisy: p90 is ${Math.round(spread * 100)}% above p50 (limit ${Math.round(rule.maxSpread * 100)}%)` };
  }
  return { noisy: false };
}
