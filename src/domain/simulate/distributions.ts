import type { Rng } from './rng.ts';

/**
 * Positive random variables given by mean and coefficient of variation (CV = sd / mean), the way the capacity
 * model describes service times and inter-arrival times. Each family matches the mean and CV exactly:
 *   cv = 0      deterministic
 *   0 < cv < 1  gamma with shape k = 1/cv² (Erlang-k when k is an integer)
 *   cv = 1      exponential
 *   cv > 1      hyperexponential H2 with balanced means (each branch carries half of the mean)
 * A sampler is plain data plus one `sample` function with a switch, so the simulator's hot loop stays monomorphic.
 */
export const DIST_DETERMINISTIC = 0;
export const DIST_EXPONENTIAL = 1;
export const DIST_GAMMA = 2;
export const DIST_H2 = 3;

export interface Sampler {
  kind: number;
  mean: number;
  cv: number;
  /** gamma: d = k − 1/3 (Marsaglia–Tsang); H2: probability of branch 1. */
  p1: number;
  /** gamma: c = 1/√(9d); H2: mean of branch 1. */
  p2: number;
  /** gamma: scale θ = mean / k; H2: mean of branch 2. */
  p3: number;
}

/** CVs this close to 1 are treated as exactly exponential (avoids a degenerate H2 or a huge-shape gamma at 1). */
const CV_EPS = 1e-9;

export function makeSampler(mean: number, cv: number): Sampler {
  if (!(mean >= 0) || !Number.isFinite(mean)) throw new Error(`mean must be a finite number ≥ 0 (got ${mean})`);
  if (!(cv >= 0) || !Number.isFinite(cv)) throw new Error(`cv must be a finite number ≥ 0 (got ${cv})`);
  if (mean === 0 || cv === 0) return { kind: DIST_DETERMINISTIC, mean, cv: 0, p1: 0, p2: 0, p3: 0 };
  if (Math.abs(cv - 1) < CV_EPS) return { kind: DIST_EXPONENTIAL, mean, cv: 1, p1: 0, p2: 0, p3: 0 };
  if (cv < 1) {
    const k = 1 / (cv * cv);
    const d = k - 1 / 3;
    return { kind: DIST_GAMMA, mean, cv, p1: d, p2: 1 / Math.sqrt(9 * d), p3: mean / k };
  }
  // Balanced-means H2: p = ½(1 + √((c²−1)/(c²+1))), branch means m/(2p) and m/(2(1−p)).
  const c2 = cv * cv;
  const p = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
  return { kind: DIST_H2, mean, cv, p1: p, p2: mean / (2 * p), p3: mean / (2 * (1 - p)) };
}

export function sample(s: Sampler, rng: Rng): number {
  switch (s.kind) {
    case DIST_DETERMINISTIC:
      return s.mean;
    case DIST_EXPONENTIAL:
      return -s.mean * Math.log(rng.next());
    case DIST_H2:
      return rng.next() < s.p1 ? -s.p2 * Math.log(rng.next()) : -s.p3 * Math.log(rng.next());
    default:
      return gamma(s, rng);
  }
}

/** Marsaglia & Tsang (2000) for shape k ≥ 1, which is all we need (cv < 1 ⇒ k > 1). */
function gamma(s: Sampler, rng: Rng): number {
  const d = s.p1;
  const c = s.p2;
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * s.p3;
  }
}
