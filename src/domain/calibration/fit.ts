import { nonNegativeLeastSquares } from './leastSquares.ts';

/** latency(B) = aMs + bMs·B for one model on one device, with how well the line matches the measurements. */
export interface LineFit {
  aMs: number;
  bMs: number;
  /** 1 − SS_res/SS_tot on the measured milliseconds (unweighted, so it reads as usual). */
  r2: number;
  rmseMs: number;
  /** Largest |predicted − measured| / measured over the points. */
  maxRelErr: number;
  n: number;
}

export interface BatchPoint {
  batch: number;
  /** The measured p50 of one batch, in ms. */
  ms: number;
}

export type LineFitResult = { ok: true; fit: LineFit } | { ok: false; reason: string };

/**
 * Weighted least squares on relative error: minimise Σ ((a + b·Bᵢ − yᵢ)/yᵢ)², so B = 1 at 0.2 ms counts as much as
 * B = 64 at 30 ms (plain least squares would let the big batches decide and get small batches wrong by 2×).
 *
 * Constraints: a ≥ 0 and b ≥ 0. A negative intercept (common when per-sample cost grows super-linearly at small B)
 * would predict negative time for tiny batches, so a is clamped to 0 and b refitted alone — this is exactly the
 * non-negative least-squares solution. Likewise b < 0 (noise on a flat curve) becomes b = 0 with a refitted.
 *
 * One batch size is refused, not guessed: a single point cannot separate the fixed cost from the per-sample
 * cost, and either guess (a = 0 or b = 0) is wrong by up to B× elsewhere. Callers fall back to the device fit.
 */
export function fitLatencyLine(points: readonly BatchPoint[]): LineFitResult {
  const good = points.filter((p) => Number.isFinite(p.ms) && p.ms > 0 && Number.isFinite(p.batch) && p.batch > 0);
  if (good.length < points.length) return { ok: false, reason: 'every point needs a batch ≥ 1 and a positive time' };
  const batches = new Set(good.map((p) => p.batch));
  if (batches.size < 2) {
    return { ok: false, reason: `need at least two batch sizes to separate fixed and per-sample cost (got ${batches.size})` };
  }
  const x = good.map((p) => [1, p.batch]);
  const y = good.map((p) => p.ms);
  const w = y.map((v) => 1 / (v * v));
  const [aMs, bMs] = nonNegativeLeastSquares(x, y, w).coef as [number, number];
  return { ok: true, fit: { aMs, bMs, ...fitQuality(good, (b) => aMs + bMs * b) } };
}

/** r2, RMSE and the worst relative error of any predictor over measured points. */
export function fitQuality(points: readonly BatchPoint[], predict: (batch: number) => number): Omit<LineFit, 'aMs' | 'bMs'> {
  const n = points.length;
  const mean = points.reduce((acc, p) => acc + p.ms, 0) / n;
  let ssRes = 0;
  let ssTot = 0;
  let maxRelErr = 0;
  for (const p of points) {
    const e = predict(p.batch) - p.ms;
    ssRes += e * e;
    ssTot += (p.ms - mean) ** 2;
    maxRelErr = Math.max(maxRelErr, Math.abs(e) / p.ms);
  }
  // All points equal: a perfect flat fit explains everything; anything else explains nothing.
  const r2 = ssTot > 0 ? 1 - ssRes / ssTot : ssRes <= 1e-18 ? 1 : 0;
  return { r2, rmseMs: Math.sqrt(ssRes / n), maxRelErr, n };
}
