import { lnChoose } from './special.ts';

/**
 * P(at least k of n replicas are up) when each is up independently with probability p. Terms are computed in
 * log space (n up to 100,000 neither overflows nor underflows) and summed outward from k over the tail that
 * lies away from the mode, stopping once they no longer matter.
 */
export function kOfN(n: number, k: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p >= 1) return 1;
  if (p <= 0) return 0;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  const term = (j: number) => Math.exp(lnChoose(n, j) + j * lp + (n - j) * lq); // P(exactly j up)
  const mode = Math.floor((n + 1) * p);
  const tailSum = (from: number, step: 1 | -1, until: number) => {
    let s = 0;
    for (let j = from; step > 0 ? j <= until : j >= until; j += step) {
      const t = term(j);
      s += t;
      const pastMode = step > 0 ? j > mode : j < mode;
      if (pastMode && t <= 1e-17 * s) break;
    }
    return s;
  };
  // k above the mode: the upper tail P(X ≥ k) is the small side; else 1 − P(X ≤ k − 1).
  if (k > mode) return Math.min(1, tailSum(k, 1, n));
  return Math.max(0, 1 - tailSum(k - 1, -1, 0));
}

/** Serial composition: every stage on the path must be up. */
export const serial = (parts: readonly number[]): number => parts.reduce((a, b) => a * b, 1);
