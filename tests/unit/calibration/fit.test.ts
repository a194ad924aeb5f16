import { describe, expect, it } from 'vitest';
import { fitLatencyLine } from '../../../src/domain/calibration/fit.ts';
import { nonNegativeLeastSquares, weightedLeastSquares } from '../../../src/domain/calibration/leastSquares.ts';

/** Deterministic noise in [−1, 1]. */
function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
}

describe('fitLatencyLine', () => {
  it('recovers an exact line', () => {
    const r = fitLatencyLine([1, 2, 4, 8, 16].map((batch) => ({ batch, ms: 0.5 + 0.25 * batch })));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fit.aMs).toBeCloseTo(0.5, 10);
    expect(r.fit.bMs).toBeCloseTo(0.25, 10);
    expect(r.fit.r2).toBeCloseTo(1, 10);
    expect(r.fit.rmseMs).toBeLessThan(1e-9);
    expect(r.fit.maxRelErr).toBeLessThan(1e-9);
    expect(r.fit.n).toBe(5);
  });

  it('recovers a line under ±3% multiplicative noise', () => {
    const rnd = noise(42);
    const points = [1, 2, 4, 8, 16, 32, 64].flatMap((batch) => [0, 1, 2].map(() => ({ batch, ms: (2 + 0.1 * batch) * (1 + 0.03 * rnd()) })));
    const r = fitLatencyLine(points);
    if (!r.ok) throw new Error(r.reason);
    expect(Math.abs(r.fit.aMs / 2 - 1)).toBeLessThan(0.05);
    expect(Math.abs(r.fit.bMs / 0.1 - 1)).toBeLessThan(0.05);
    expect(r.fit.maxRelErr).toBeLessThan(0.06);
    expect(r.fit.r2).toBeGreaterThan(0.99);
  });

  it('weights relative error: the small batch is fitted well even next to a huge one', () => {
    // Plain least squares would give the B=1 point a large relative error to shave milliseconds off B=256.
    const r = fitLatencyLine([{ batch: 1, ms: 0.2 }, { batch: 2, ms: 0.3 }, { batch: 256, ms: 40 }]);
    if (!r.ok) throw new Error(r.reason);
    const at1 = r.fit.aMs + r.fit.bMs;
    expect(Math.abs(at1 / 0.2 - 1)).toBeLessThan(0.15);
  });

  it('clamps a negative intercept to 0 and refits the slope', () => {
    // Super-linear points: an unconstrained line would have a < 0.
    const pts = [{ batch: 1, ms: 0.5 }, { batch: 4, ms: 4 }, { batch: 16, ms: 17 }];
    const free = weightedLeastSquares(pts.map((p) => [1, p.batch]), pts.map((p) => p.ms), pts.map((p) => 1 / p.ms ** 2));
    expect(free!.coef[0]).toBeLessThan(0);
    const r = fitLatencyLine(pts);
    if (!r.ok) throw new Error(r.reason);
    expect(r.fit.aMs).toBe(0);
    // b alone minimises Σ((b·B − y)/y)² → b = Σ(B/y) / Σ(B/y)².
    const num = pts.reduce((s, p) => s + p.batch / p.ms, 0);
    const den = pts.reduce((s, p) => s + (p.batch / p.ms) ** 2, 0);
    expect(r.fit.bMs).toBeCloseTo(num / den, 10);
  });

  it('refuses a single batch size with a reason', () => {
    const one = fitLatencyLine([{ batch: 8, ms: 3 }]);
    expect(one).toEqual({ ok: false, reason: 'need at least two batch sizes to separate fixed and per-sample cost (got 1)' });
    expect(fitLatencyLine([{ batch: 8, ms: 3 }, { batch: 8, ms: 3.1 }]).ok).toBe(false);
    expect(fitLatencyLine([{ batch: 1, ms: 0 }, { batch: 2, ms: 1 }]).ok).toBe(false);
  });
});

describe('nonNegativeLeastSquares', () => {
  it('matches the unconstrained solution when it is feasible and zeroes a coefficient when not', () => {
    const x = [[1, 0], [1, 1], [1, 2], [1, 3]];
    const up = nonNegativeLeastSquares(x, [1, 2, 3, 4], [1, 1, 1, 1]);
    expect(up.coef[0]).toBeCloseTo(1, 10);
    expect(up.coef[1]).toBeCloseTo(1, 10);
    const down = nonNegativeLeastSquares(x, [4, 3, 2, 1], [1, 1, 1, 1]);
    expect(down.coef[1]).toBe(0);
    expect(down.coef[0]).toBeCloseTo(2.5, 10);
  });
});
