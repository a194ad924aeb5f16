/** Special functions the engine needs (log-gamma, a survival-function root finder), written out to stay dependency-free. */

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7). */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Binomial coefficient in log space, for k-of-n availability with n up to 100,000. */
export function lnChoose(n: number, k: number): number {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}

/**
 * Smallest t ≥ lo with sf(t) ≤ target (sf is a survival function, so non-increasing). Brackets by doubling,
 * then Illinois false position on ln sf(t) − ln target, which is close to linear in an exponential tail and
 * converges in a few steps; it falls back to bisection where sf hits 0 (deterministic parts).
 */
export function solveSurvival(sf: (t: number) => number, target: number, lo: number, hiGuess: number): number {
  let a = lo;
  let fa = sf(a);
  if (fa <= target) return a;
  let b = Math.max(hiGuess, lo + 1e-9);
  let fb = sf(b);
  for (let i = 0; i < 200 && fb > target; i++) {
    a = b;
    fa = fb;
    b = lo + (b - lo) * 2 + 1e-9;
    fb = sf(b);
  }
  const lt = Math.log(target);
  let ga = Math.log(fa) - lt; // > 0
  let gb = fb > 0 ? Math.log(fb) - lt : -Infinity; // ≤ 0
  let side = 0;
  let width = b - a;
  for (let i = 0; i < 200 && b - a > 1e-7 * Math.max(1, b); i++) {
    // Every other step must halve the bracket, else bisect: secants crawl next to a near-vertical drop.
    const slow = i % 2 === 1 && b - a > 0.5 * width;
    if (i % 2 === 1) width = b - a;
    const m = Number.isFinite(gb) && !slow ? b - (gb * (b - a)) / (gb - ga) : 0.5 * (a + b);
    const t = m > a && m < b ? m : 0.5 * (a + b);
    const ft = sf(t);
    const gt = ft > 0 ? Math.log(ft) - lt : -Infinity;
    if (gt > 0) {
      a = t;
      ga = gt;
      if (side === -1 && Number.isFinite(gb)) gb /= 2; // Illinois: stop one end from sticking
      side = -1;
    } else {
      b = t;
      gb = gt;
      if (side === 1) ga /= 2;
      side = 1;
    }
  }
  return b;
}
