import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, queueMetrics } from '../../../src/domain/capacity/index.ts';

describe('Erlang C', () => {
  it('matches the sanity values of capacity-model §1.3', () => {
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10); // M/M/2 at ρ = 0.5: 2ρ²/(1 + ρ)
    expect(erlangC(3, 2.5)).toBeCloseTo(0.702, 3);
    expect(erlangC(4, 2.5)).toBeCloseTo(0.320, 3);
    expect(erlangC(5, 2.5)).toBeCloseTo(0.130, 3);
    expect(erlangC(6, 2.5)).toBeCloseTo(0.047, 3);
  });

  it('is 1 at or past saturation and 0 with no load', () => {
    expect(erlangC(4, 4)).toBe(1);
    expect(erlangC(4, 9)).toBe(1);
    expect(erlangC(4, 0)).toBe(0);
  });

  it('stays finite and sensible for c up to 100,000', () => {
    const nearFull = erlangC(100_000, 99_000);
    expect(nearFull).toBeGreaterThan(0);
    expect(nearFull).toBeLessThan(0.01);
    expect(erlangC(100_000, 99_990)).toBeGreaterThan(0.5);
    expect(erlangC(100_000, 50)).toBe(0);
    expect(Number.isFinite(erlangB(100_000, 99_000))).toBe(true);
  });
});

describe('M/M/c response time (worked table of capacity-model §1.3: λ = 900/s, S = 10 ms)', () => {
  const rows: [number, number, number, number, number, number][] = [
    // c, P(wait), mean T, p50 T, p99 T, p99 Wq
    [10, 0.669, 16.69, 13.29, 62.5, 42.03],
    [11, 0.43, 12.15, 9.24, 49.61, 18.81],
    [12, 0.266, 10.89, 7.94, 47.3, 10.94],
    [13, 0.158, 10.39, 7.39, 46.56, 6.89],
    [15, 0.048, 10.08, 7.02, 46.15, 2.62],
  ];
  for (const [c, pw, mean, p50, p99, p99q] of rows) {
    it(`c = ${c}`, () => {
      const q = queueMetrics({ servers: c, arrivalRps: 900, serviceMs: 10 });
      expect(q.probWait).toBeCloseTo(pw, 3);
      expect(q.meanResponseMs!).toBeCloseTo(mean, 2);
      expect(q.p50ResponseMs!).toBeCloseTo(p50, 2);
      expect(q.p99ResponseMs!).toBeCloseTo(p99, 2);
      expect(q.p99WaitMs!).toBeCloseTo(p99q, 2);
    });
  }

  it('M/M/1 at ρ = 0.8: W = 50 ms, p99 = ln(100)/(μ − λ) = 230 ms', () => {
    const q = queueMetrics({ servers: 1, arrivalRps: 80, serviceMs: 10 });
    expect(q.meanResponseMs!).toBeCloseTo(50, 6);
    expect(q.p99ResponseMs!).toBeCloseTo(Math.log(100) * 50, 3);
  });
});

describe('G/G/c scaling and service variability', () => {
  it('M/D/1 at ρ = 0.8, S = 10 ms waits 20 ms (Pollaczek–Khinchine)', () => {
    expect(queueMetrics({ servers: 1, arrivalRps: 80, serviceMs: 10, serviceCv: 0 }).meanWaitMs!).toBeCloseTo(20, 9);
  });

  it('Kingman with Ca² = 1, Cs² = 0.25 at ρ = 0.8, S = 10 ms waits 25 ms', () => {
    expect(queueMetrics({ servers: 1, arrivalRps: 80, serviceMs: 10, serviceCv: 0.5 }).meanWaitMs!).toBeCloseTo(25, 9);
  });

  it('deterministic (GPU-like) service gets no exponential service tail', () => {
    const det = queueMetrics({ servers: 4, arrivalRps: 10, serviceMs: 10, serviceCv: 0 });
    const exp = queueMetrics({ servers: 4, arrivalRps: 10, serviceMs: 10, serviceCv: 1 });
    expect(det.p99ResponseMs!).toBeLessThan(10.1); // almost never waits, and service is exactly 10 ms
    expect(exp.p99ResponseMs!).toBeGreaterThan(45); // ≈ 4.6 × the mean
  });

  it('p99 is computed from the distribution, not as a fixed multiple of the mean', () => {
    const ratios = [0.5, 0.8, 0.95].map((rho) => {
      const q = queueMetrics({ servers: 2, arrivalRps: rho * 200, serviceMs: 10, serviceCv: 0.3 });
      return q.p99ResponseMs! / q.meanResponseMs!;
    });
    expect(new Set(ratios.map((r) => r.toFixed(3))).size).toBe(3);
    expect(ratios[2]).toBeGreaterThan(ratios[0]!);
  });

  it('bursty arrivals (Ca > 1) wait longer than Poisson', () => {
    const poisson = queueMetrics({ servers: 4, arrivalRps: 300, serviceMs: 10 });
    const bursty = queueMetrics({ servers: 4, arrivalRps: 300, serviceMs: 10, arrivalCv: 2 });
    expect(bursty.meanWaitMs!).toBeCloseTo(poisson.meanWaitMs! * 2.5, 9);
  });

  it('Little\'s law ties the queue to Erlang C: Lq = λ·Wq = C·ρ/(1 − ρ) for M/M/c', () => {
    for (const [c, lam, s] of [[1, 50, 10], [4, 300, 10], [16, 1400, 10], [64, 5000, 12]] as const) {
      const q = queueMetrics({ servers: c, arrivalRps: lam, serviceMs: s });
      const rho = (lam * s) / 1000 / c;
      expect((lam / 1000) * q.meanWaitMs!).toBeCloseTo((q.probWait * rho) / (1 - rho), 9);
      expect(q.meanInSystem!).toBeCloseTo((lam / 1000) * q.meanResponseMs!, 9);
    }
  });

  it('a saturated queue says so and reports no latency instead of a huge number', () => {
    const q = queueMetrics({ servers: 2, arrivalRps: 250, serviceMs: 10 });
    expect(q.saturated).toBe(true);
    expect(q.utilization).toBeCloseTo(1.25, 9);
    expect(q.meanResponseMs).toBeNull();
    expect(q.p99ResponseMs).toBeNull();
    expect(q.maxRps).toBeCloseTo(200, 9);
  });
});
