import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Rng } from '../../../src/domain/simulate/rng.ts';
import { makeSampler, sample } from '../../../src/domain/simulate/distributions.ts';
import { EventQueue } from '../../../src/domain/simulate/eventQueue.ts';
import { quantile } from '../../../src/domain/simulate/samples.ts';

function moments(mean: number, cv: number, n: number, seed = 7): { mean: number; cv: number; min: number } {
  const s = makeSampler(mean, cv);
  const rng = new Rng(seed);
  let sum = 0;
  let sq = 0;
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const x = sample(s, rng);
    sum += x;
    sq += x * x;
    if (x < min) min = x;
  }
  const m = sum / n;
  return { mean: m, cv: Math.sqrt(Math.max(0, sq / n - m * m)) / m, min };
}

describe('PRNG', () => {
  it('is reproducible for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const r = new Rng(seed);
      return Array.from({ length: 8 }, () => r.nextU32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(1)).not.toEqual(draw(1 + 2 ** 32)); // high bits of the seed count
  });

  it('draws uniforms in the open interval (0, 1) with the right mean and variance', () => {
    const r = new Rng(3);
    let sum = 0;
    let sq = 0;
    let lo = 1;
    let hi = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u;
      sq += u * u;
      lo = Math.min(lo, u);
      hi = Math.max(hi, u);
    }
    expect(lo).toBeGreaterThan(0);
    expect(hi).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(sq / n - (sum / n) ** 2).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals', () => {
    const r = new Rng(5);
    let sum = 0;
    let sq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.01);
    expect(sq / n).toBeCloseTo(1, 1);
  });
});

describe('distributions match mean and CV', () => {
  for (const cv of [0, 0.3, 0.5, 1, 1.5, 2, 3]) {
    it(`cv = ${cv}`, () => {
      const m = moments(10, cv, 400_000);
      expect(Math.abs(m.mean / 10 - 1)).toBeLessThan(0.01);
      if (cv === 0) expect(m.cv).toBe(0);
      else expect(Math.abs(m.cv / cv - 1)).toBeLessThan(cv > 2 ? 0.05 : 0.02);
      expect(m.min).toBeGreaterThanOrEqual(0);
    });
  }

  it('picks the family by CV and rejects bad parameters', () => {
    expect(makeSampler(5, 0).kind).toBe(makeSampler(0, 2).kind); // both deterministic
    expect(makeSampler(5, 1).kind).not.toBe(makeSampler(5, 0.5).kind);
    expect(makeSampler(5, 2).kind).not.toBe(makeSampler(5, 0.5).kind);
    expect(() => makeSampler(-1, 1)).toThrow(/mean/);
    expect(() => makeSampler(1, NaN)).toThrow(/cv/);
  });

  it('exponential tail: P(X > 3·mean) ≈ e^-3', () => {
    const s = makeSampler(2, 1);
    const r = new Rng(11);
    let over = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) if (sample(s, r) > 6) over++;
    expect(over / n).toBeCloseTo(Math.exp(-3), 2);
  });
});

describe('event queue and quantiles', () => {
  it('pops events in time order whatever the push order', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 3000 }), (times) => {
        const q = new EventQueue(4); // small start: exercises growth
        times.forEach((t, i) => q.push(t, i));
        const out: number[] = [];
        while (q.size > 0) {
          const t = q.topTime();
          const p = q.pop();
          expect(times[p]).toBe(t);
          out.push(t);
        }
        expect(out).toEqual([...times].sort((a, b) => a - b));
        expect(q.topTime()).toBe(Infinity);
      }),
      { numRuns: 60 },
    );
  });

  it('interpolates quantiles between order statistics', () => {
    const s = Float64Array.from([1, 2, 3, 4, 5]);
    expect(quantile(s, 0.5)).toBe(3);
    expect(quantile(s, 0.25)).toBe(2);
    expect(quantile(s, 0.99)).toBeCloseTo(4.96, 10);
    expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
  });
});
