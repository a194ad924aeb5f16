import { DEFAULT_NOISE_RULE, isTooNoisy, spreadOf, type NoiseRule, type SampleSummary } from '../domain/calibration/stats.ts';

/** Most passes `mlsd calibrate --repeat` runs: each one costs a whole suite run. */
export const MAX_REPEAT = 5;

/**
 * Whether measurement `a` of a point is better than `b`. A clean measurement beats a noisy one (buildProfile
 * leaves noisy points out of every fit); between clean ones the lower fastest run wins, because interference only
 * ever slows runs down and the fits use the fastest run; between noisy ones the steadier wins (the smaller
 * p50→p90 spread, as a single retry already chose). Ties keep `b`, the earlier pass.
 */
export function betterMeasurement(a: SampleSummary, b: SampleSummary, rule: NoiseRule = DEFAULT_NOISE_RULE): boolean {
  const aNoisy = isTooNoisy(a, rule).noisy;
  if (aNoisy !== isTooNoisy(b, rule).noisy) return !aNoisy;
  return aNoisy ? spreadOf(a) < spreadOf(b) : a.minMs < b.minMs;
}

/**
 * One model's points measured in several passes over the suite (and any retry, as one more pass) → one point per
 * batch size: the statistics of its best pass (betterMeasurement), whole, never mixed across passes. Merging the
 * samples would give the same fastest run but would let one pass that a load burst slowed throughout push the
 * merged p90 over the noise limit and lose a point that other passes measured cleanly. Batch sizes keep the order
 * in which they first appear.
 */
export function keepBestPass<P extends { batch: number; summary: SampleSummary }>(passes: readonly (readonly P[])[], rule: NoiseRule = DEFAULT_NOISE_RULE): P[] {
  const kept = new Map<number, P>();
  for (const pass of passes) {
    for (const p of pass) {
      const best = kept.get(p.batch);
      if (!best || betterMeasurement(p.summary, best.summary, rule)) kept.set(p.batch, p);
    }
  }
  return [...kept.values()];
}
