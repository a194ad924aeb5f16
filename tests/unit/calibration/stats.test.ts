import { describe, expect, it } from 'vitest';
import { isTooNoisy, percentile, summarize } from '../../../src/domain/calibration/stats.ts';

describe('summarize', () => {
  it('computes mean, percentiles (linear interpolation), extremes, sd and cv', () => {
    const s = summarize([5, 1, 4, 2, 3]);
    expect(s.n).toBe(5);
    expect(s.meanMs).toBe(3);
    expect(s.p50Ms).toBe(3);
    expect(s.p90Ms).toBeCloseTo(4.6, 12); // rank 0.9·4 = 3.6 → 4 + 0.6·(5 − 4)
    expect(s.p99Ms).toBeCloseTo(4.96, 12);
    expect(s.minMs).toBe(1);
    expect(s.maxMs).toBe(5);
    expect(s.sdMs).toBeCloseTo(Math.sqrt(2.5), 12); // sample sd, n − 1
    expect(s.cv).toBeCloseTo(Math.sqrt(2.5) / 3, 12);
  });

  it('takes the midpoint for an even count and handles a single sample', () => {
    expect(summarize([1, 2, 3, 10]).p50Ms).toBe(2.5);
    const one = summarize([7]);
    expect([one.p50Ms, one.p99Ms, one.sdMs, one.cv]).toEqual([7, 7, 0, 0]);
  });

  it('percentile matches numpy on 1..100', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.99)).toBeCloseTo(99.01, 10);
    expect(percentile(xs, 0.9)).toBeCloseTo(90.1, 10);
  });

  it('refuses empty or broken samples', () => {
    expect(() => summarize([])).toThrow(/no samples/);
    expect(() => summarize([1, Number.NaN])).toThrow(/bad sample/);
    expect(() => summarize([1, -1])).toThrow(/bad sample/);
  });
});

describe('isTooNoisy', () => {
  it('accepts ordinary jitter', () => {
    expect(isTooNoisy(summarize([10, 10.2, 9.9, 10.5, 10.1, 10.3, 9.8, 11, 10, 10.4]))).toEqual({ noisy: false });
  });

  it('ignores one outlier that only moves the CV', () => {
    const s = summarize([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 200]);
    expect(s.cv).toBeGreaterThan(1);
    expect(isTooNoisy(s).noisy).toBe(false);
  });

  it('flags too few samples and a wide p50→p90 spread, with the reason', () => {
    const few = isTooNoisy(summarize([1, 1, 1]));
    expect(few).toEqual({ noisy: true, reason: 'only 3 samples (need at least 5)' });
    const wide = isTooNoisy(summarize([10, 10, 10, 10, 10, 10, 30, 30, 30, 30]));
    expect(wide.noisy).toBe(true);
    if (wide.noisy) expect(wide.reason).toMatch(/p90 is 200% above p50/);
  });
});
