import { describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../../src/domain/simulate/simulate.ts';
import type { SimNetwork } from '../../../src/domain/simulate/network.ts';

function batcher(rps: number, b: { aMs: number; bMs: number; maxBatch: number; windowMs: number }, servers = 1): SimNetwork {
  return {
    arrivalRps: rps,
    arrival: { kind: 'poisson' },
    entries: [{ station: 'model', share: 1 }],
    stations: [{ id: 'model', servers, service: { meanMs: 999, cv: 1 }, sync: true, batching: b }],
    routes: [],
  };
}

const rel = (x: number, want: number): number => Math.abs(x / want - 1);

describe('dynamic batching', () => {
  it('a saturated batcher settles at B* = λa/(1−λb) and latency ≈ 1.5 cycles (capacity-model.md §1.6)', () => {
    // λ = 2/ms, a = 10 ms, b = 0.2 ms: λb = 0.4, B* = 20/0.6 = 33.3, far from maxBatch = 64 and never idle.
    const r = simulateNetwork(batcher(2000, { aMs: 10, bMs: 0.2, maxBatch: 64, windowMs: 0 }), { seed: 1, requests: 100_000 });
    const s = r.stations.model!;
    const bStar = (2 * 10) / (1 - 2 * 0.2);
    expect(rel(s.meanBatch!, bStar)).toBeLessThan(0.03);
    const cycle = 10 + 0.2 * bStar;
    expect(rel(s.meanResponseMs, 1.5 * cycle)).toBeLessThan(0.05);
    expect(s.maxBatchObserved!).toBeLessThanOrEqual(64);
    expect(r.saturated).toEqual([]); // busy all the time, yet stable: 2/ms is below 64/(10 + 12.8) = 2.8/ms
    expect(s.utilization).toBeGreaterThan(0.99);
  });

  it('never runs a batch larger than maxBatch, and the cap binds under load', () => {
    const r = simulateNetwork(batcher(2000, { aMs: 2, bMs: 0.3, maxBatch: 16, windowMs: 0 }), { seed: 2, requests: 100_000 });
    const s = r.stations.model!;
    expect(s.maxBatchObserved).toBe(16);
    expect(s.meanBatch!).toBeLessThan(16);
    expect(r.saturated).toEqual([]);
  });

  it('the service of a batch is a + b·B, ignoring `service`: light load gives batches of 1 taking a + b', () => {
    const r = simulateNetwork(batcher(1, { aMs: 5, bMs: 1, maxBatch: 8, windowMs: 0 }), { seed: 3, requests: 5_000 });
    const s = r.stations.model!;
    expect(s.meanBatch!).toBeCloseTo(1, 2);
    expect(s.p50ResponseMs).toBeCloseTo(6, 9);
  });

  it('a window > 0 at light load adds about the window to the latency', () => {
    const b = { aMs: 5, bMs: 1, maxBatch: 8 };
    const r0 = simulateNetwork(batcher(10, { ...b, windowMs: 0 }), { seed: 4, requests: 50_000 });
    const r10 = simulateNetwork(batcher(10, { ...b, windowMs: 10 }), { seed: 4, requests: 50_000 });
    const added = r10.endToEnd.meanMs - r0.endToEnd.meanMs;
    // The first request of a batch waits the full window, a late joiner less (λ·window = 0.1 joiners on average).
    expect(added).toBeGreaterThan(0.85 * 10);
    expect(added).toBeLessThan(10);
    expect(r10.stations.model!.meanBatch!).toBeGreaterThan(r0.stations.model!.meanBatch!);
    expect(r10.endToEnd.p50Ms).toBeCloseTo(10 + 5 + 1, 9); // most requests are alone: the window, then a + b
  });

  it('a full batch does not wait for the window', () => {
    // Window 1 s, but 2 requests per ms fill maxBatch = 4 almost at once.
    const r = simulateNetwork(batcher(2000, { aMs: 1, bMs: 0.1, maxBatch: 4, windowMs: 1000 }), { seed: 5, requests: 50_000 });
    expect(r.endToEnd.p99Ms).toBeLessThan(20);
    expect(r.stations.model!.meanBatch!).toBeCloseTo(4, 1);
  });

  it('spreads batches over several instances', () => {
    const one = simulateNetwork(batcher(2000, { aMs: 10, bMs: 0.2, maxBatch: 64, windowMs: 0 }, 1), { seed: 6, requests: 50_000 });
    const two = simulateNetwork(batcher(2000, { aMs: 10, bMs: 0.2, maxBatch: 64, windowMs: 0 }, 2), { seed: 6, requests: 50_000 });
    expect(two.stations.model!.meanBatch!).toBeLessThan(0.5 * one.stations.model!.meanBatch!);
    expect(two.endToEnd.meanMs).toBeLessThan(one.endToEnd.meanMs);
    const s = two.stations.model!;
    expect(rel(s.meanInSystem, (s.arrivalRps / 1000) * s.meanResponseMs)).toBeLessThan(0.03);
  });
});
