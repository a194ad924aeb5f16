import { solveSurvival } from './special.ts';

/**
 * Per-station response-time distributions in closed form. Every station's time is a mixture of components
 * `shift + Exp(a) + Exp(b) + Uniform(0, u)` (means a, b ≥ 0), which covers:
 * - service with CV ≤ 1 as shift + exponential (matches mean and variance), CV > 1 as two exponentials (H2);
 * - waiting in queue: 0 with probability 1 − P(wait), else exponential (Erlang C / Allen–Cunneen);
 * - a batch in progress: uniform residual of the running batch.
 * The survival function is exact for this family, so quantiles come from the distribution, not from a
 * multiple of the mean.
 */
export interface Component {
  w: number;
  shift: number;
  a: number;
  b: number;
  u: number;
}

export type Mixture = readonly Component[];

const REL = 1e-9;

/** P(Exp(a) + Exp(b) > x) for x ≥ 0. */
function hypoSf(a: number, b: number, x: number): number {
  if (a === 0 && b === 0) return 0;
  if (b === 0) return Math.exp(-x / a);
  if (a === 0) return Math.exp(-x / b);
  if (Math.abs(a - b) <= REL * Math.max(a, b)) return Math.exp(-x / a) * (1 + x / a);
  return (a * Math.exp(-x / a) - b * Math.exp(-x / b)) / (a - b);
}

/** ∫₀^y P(Exp(a) + Exp(b) > z) dz for y ≥ 0. */
function hypoSfIntegral(a: number, b: number, y: number): number {
  if (a === 0 && b === 0) return 0;
  if (b === 0) return a * -Math.expm1(-y / a);
  if (a === 0) return b * -Math.expm1(-y / b);
  if (Math.abs(a - b) <= REL * Math.max(a, b)) return 2 * a * -Math.expm1(-y / a) - y * Math.exp(-y / a);
  return (a * a * -Math.expm1(-y / a) - b * b * -Math.expm1(-y / b)) / (a - b);
}

function componentSf(c: Component, t: number): number {
  const x = t - c.shift;
  if (c.u <= 0) return x < 0 ? 1 : hypoSf(c.a, c.b, x);
  // Average of the survival over the uniform: (1/u)·∫_{x−u}^{x} S(y) dy, with S = 1 below zero.
  const lo = x - c.u;
  const below = Math.max(0, Math.min(x, 0) - lo);
  const above = hypoSfIntegral(c.a, c.b, Math.max(x, 0)) - hypoSfIntegral(c.a, c.b, Math.max(lo, 0));
  return Math.min(1, (below + above) / c.u);
}

export function mixtureSf(m: Mixture, t: number): number {
  let s = 0;
  for (const c of m) s += c.w * componentSf(c, t);
  return s;
}

/** First three cumulants (mean, variance, third central moment) of the mixture. */
export function mixtureCumulants(m: Mixture): [number, number, number] {
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  for (const c of m) {
    const k1 = c.shift + c.a + c.b + c.u / 2;
    const k2 = c.a * c.a + c.b * c.b + (c.u * c.u) / 12;
    const k3 = 2 * c.a ** 3 + 2 * c.b ** 3;
    m1 += c.w * k1;
    m2 += c.w * (k2 + k1 * k1);
    m3 += c.w * (k3 + 3 * k2 * k1 + k1 ** 3);
  }
  const var_ = Math.max(0, m2 - m1 * m1);
  return [m1, var_, m3 - 3 * m1 * m2 + 2 * m1 ** 3];
}

export function mixtureQuantile(m: Mixture, q: number): number {
  const [mean, var_] = mixtureCumulants(m);
  const lo = Math.min(...m.map((c) => c.shift));
  // Same level tolerance as the grid's quantiles (QUANTILE_EPS in tail.ts): consistent at branch boundaries.
  return solveSurvival((t) => mixtureSf(m, t), 1 - q + 1e-9, Math.max(0, lo), mean + 10 * Math.sqrt(var_) + 1e-6);
}

/** Convolve two independent mixtures whose parts stay in the family (at most two exponentials, one uniform). */
export function convolveMixtures(x: Mixture, y: Mixture): Mixture {
  const out: Component[] = [];
  for (const p of x) {
    for (const q of y) {
      const exps = [p.a, p.b, q.a, q.b].filter((e) => e > 0);
      if (exps.length > 2 || (p.u > 0 && q.u > 0)) throw new Error('convolution leaves the mixture family');
      out.push({ w: p.w * q.w, shift: p.shift + q.shift, a: exps[0] ?? 0, b: exps[1] ?? 0, u: p.u + q.u });
    }
  }
  return out.filter((c) => c.w > 0);
}

export const deterministic = (t: number): Mixture => [{ w: 1, shift: t, a: 0, b: 0, u: 0 }];

/** 0 with probability 1 − p, otherwise an exponential with the given mean. */
export function maybeExp(p: number, mean: number): Mixture {
  if (p <= 0 || mean <= 0) return deterministic(0);
  const out: Component[] = [{ w: p, shift: 0, a: mean, b: 0, u: 0 }];
  if (p < 1) out.push({ w: 1 - p, shift: 0, a: 0, b: 0, u: 0 });
  return out;
}

/** 0 with probability 1 − p, otherwise uniform on [0, width]. */
export function maybeUniform(p: number, width: number): Mixture {
  if (p <= 0 || width <= 0) return deterministic(0);
  const out: Component[] = [{ w: p, shift: 0, a: 0, b: 0, u: width }];
  if (p < 1) out.push({ w: 1 - p, shift: 0, a: 0, b: 0, u: 0 });
  return out;
}

/**
 * A service time with mean s and coefficient of variation cv, matched on two moments:
 * cv ≤ 1 → s(1 − cv) + Exp(s·cv) (cv = 0 is deterministic, cv = 1 exponential);
 * cv > 1 → balanced-means hyperexponential H2.
 */
export function serviceMixture(s: number, cv: number): Mixture {
  if (cv < 1e-9) return deterministic(s);
  if (cv <= 1) return [{ w: 1, shift: s * (1 - cv), a: s * cv, b: 0, u: 0 }];
  const c2 = cv * cv;
  const p1 = 0.5 * (1 + Math.sqrt((c2 - 1) / (c2 + 1)));
  return [
    { w: p1, shift: 0, a: s / (2 * p1), b: 0, u: 0 },
    { w: 1 - p1, shift: 0, a: s / (2 * (1 - p1)), b: 0, u: 0 },
  ];
}
