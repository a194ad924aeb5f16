import { describe, expect, it } from 'vitest';
import { convolve, discretize, fanOut, maybe, mixture, mixtureSf, pmfMean, pmfQuantile, pointPmf, serviceMixture } from '../../../src/domain/capacity/index.ts';

const h = 0.01;
/** Exponential with mean m on the grid. */
const exp = (m: number) => discretize((t) => mixtureSf(serviceMixture(m, 1), t), 0, 40 * m, h);
const at = (t: number) => pointPmf(t);

describe('tail composition on the grid', () => {
  it('adds sequential stages by convolution, not by adding p99s (two Exp(5 ms) = Gamma(2, 5 ms))', () => {
    const d = convolve(exp(5), exp(5));
    expect(pmfMean(d, h)).toBeCloseTo(10, 2);
    // Gamma(2, θ): P(T > t) = e^{−t/θ}(1 + t/θ) = 0.01 at t/θ = 6.6384
    expect(pmfQuantile(d, h, 0.99)).toBeCloseTo(5 * 6.638352, 1);
    expect(pmfQuantile(d, h, 0.99)).toBeLessThan(2 * pmfQuantile(exp(5), h, 0.99));
  });

  it('a deterministic stage only shifts the distribution', () => {
    expect(pmfQuantile(convolve(exp(5), at(3)), h, 0.99)).toBeCloseTo(3 + 5 * Math.log(100), 1);
  });

  it('fan-out waits for the slowest call: tail amplification of capacity-model §1.7', () => {
    const one = exp(5);
    expect(pmfQuantile(one, h, 0.99)).toBeCloseTo(23.03, 1);
    expect(pmfQuantile(fanOut(one, 10, h), h, 0.99)).toBeCloseTo(34.5, 1);
    expect(pmfQuantile(fanOut(one, 100, h), h, 0.99)).toBeCloseTo(46.0, 1);
    // The mean of the max of n exponentials is mean × H_n.
    const h10 = Array.from({ length: 10 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b, 0);
    expect(pmfMean(fanOut(one, 10, h), h)).toBeCloseTo(5 * h10, 1);
  });

  it('fractional fan-out mixes floor(k) and floor(k) + 1 calls', () => {
    const one = exp(5);
    expect(pmfMean(fanOut(one, 2.5, h), h)).toBeCloseTo(0.5 * pmfMean(fanOut(one, 2, h), h) + 0.5 * pmfMean(fanOut(one, 3, h), h), 6);
  });

  it('a call made with probability p (cache misses) mixes with zero', () => {
    const d = maybe(exp(10), 0.2, h);
    expect(pmfMean(d, h)).toBeCloseTo(2, 2);
    expect(pmfQuantile(d, h, 0.5)).toBeLessThan(h);
    // P(T > t) = 0.2·e^{−t/10} = 0.01 → t = 10·ln 20
    expect(pmfQuantile(d, h, 0.99)).toBeCloseTo(10 * Math.log(20), 1);
  });

  it('keeps a cache-miss path bimodal', () => {
    const d = convolve(at(1), maybe(convolve(at(20), exp(1)), 0.3, h));
    expect(pmfQuantile(d, h, 0.5)).toBeCloseTo(1, 1);
    expect(pmfQuantile(d, h, 0.99)).toBeCloseTo(21 + Math.log(30), 1);
  });

  it('mixes entries by their share and keeps total probability 1', () => {
    const d = mixture([{ w: 0.5, pmf: at(1) }, { w: 0.5, pmf: exp(3) }], h);
    expect(d.p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(pmfMean(d, h)).toBeCloseTo(2, 2);
  });

  it('a stochastically smaller stage never raises a quantile of the composition', () => {
    const slow = convolve(fanOut(exp(3), 4, h), maybe(exp(8), 0.3, h));
    const fast = convolve(fanOut(exp(2.9), 4, h), maybe(exp(8), 0.3, h));
    for (const q of [0.1, 0.5, 0.9, 0.99, 0.999]) expect(pmfQuantile(fast, h, q)).toBeLessThanOrEqual(pmfQuantile(slow, h, q));
  });

  it('matches a Monte Carlo run of the same stages', () => {
    let seed = 12345; // mulberry32: deterministic, so the test cannot flake
    const rand = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const e = (m: number) => -m * Math.log(1 - rand());
    const samples: number[] = [];
    for (let i = 0; i < 200_000; i++) samples.push(2 + e(1) + e(4) + Math.max(e(3), e(3), e(3)));
    samples.sort((x, y) => x - y);
    const d = convolve(convolve(convolve(at(2), exp(1)), exp(4)), fanOut(exp(3), 3, h));
    expect(Math.abs(pmfQuantile(d, h, 0.5) / samples[100_000]! - 1)).toBeLessThan(0.01);
    expect(Math.abs(pmfQuantile(d, h, 0.99) / samples[198_000]! - 1)).toBeLessThan(0.02);
  });
});
