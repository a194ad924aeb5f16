import { describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../../src/domain/simulate/simulate.ts';
import type { SimNetwork, SimStation } from '../../../src/domain/simulate/network.ts';

const st = (id: string, meanMs: number, cv: number, servers = 10_000, sync = true): SimStation => ({ id, servers, service: { meanMs, cv }, sync });
const rel = (x: number, want: number): number => Math.abs(x / want - 1);

/** Entry with no service time (infinite servers) that calls `backend` (exponential, mean 5 ms, M/M/∞-like). */
function fanOut(calls: number): SimNetwork {
  return {
    arrivalRps: 200,
    arrival: { kind: 'poisson' },
    entries: [{ station: 'api', share: 1 }],
    stations: [st('api', 0, 0, Infinity), st('backend', 5, 1)],
    routes: [{ from: 'api', to: 'backend', calls }],
  };
}

/** Quantile of the max of n i.i.d. Exp(mean): the per-call quantile q^(1/n) (capacity-model.md §1.7). */
const maxExpQuantile = (mean: number, n: number, q: number): number => -mean * Math.log(1 - q ** (1 / n));

describe('fan-out and tail amplification', () => {
  it('10 parallel calls: the caller waits for the slowest (max of 10 exponentials)', () => {
    const one = simulateNetwork(fanOut(1), { seed: 1, requests: 100_000 });
    const ten = simulateNetwork(fanOut(10), { seed: 1, requests: 100_000 });
    expect(rel(one.endToEnd.p99Ms, maxExpQuantile(5, 1, 0.99))).toBeLessThan(0.1); // 23.0 ms
    expect(rel(ten.endToEnd.p99Ms, maxExpQuantile(5, 10, 0.99))).toBeLessThan(0.1); // 34.5 ms
    expect(rel(ten.endToEnd.p50Ms, maxExpQuantile(5, 10, 0.5))).toBeLessThan(0.1); // 13.5 ms
    let harmonic = 0;
    for (let k = 1; k <= 10; k++) harmonic += 1 / k;
    expect(rel(ten.endToEnd.meanMs, 5 * harmonic)).toBeLessThan(0.05); // 14.6 ms
    expect(ten.endToEnd.p99Ms).toBeGreaterThan(1.3 * one.endToEnd.p99Ms);
    expect(rel(ten.stations.backend!.arrivals, 10 * ten.stations.api!.arrivals)).toBeLessThan(1e-9);
  });

  it('fractional fan-out: calls = 2.5 makes 2 or 3 parallel calls, half and half', () => {
    const r = simulateNetwork(fanOut(2.5), { seed: 2, requests: 100_000 });
    expect(rel(r.stations.backend!.arrivals / r.stations.api!.arrivals, 2.5)).toBeLessThan(0.01);
    const want = 0.5 * 5 * (1 + 1 / 2) + 0.5 * 5 * (1 + 1 / 2 + 1 / 3); // E[max] of 2 and of 3 exponentials
    expect(rel(r.endToEnd.meanMs, want)).toBeLessThan(0.03);
  });

  it('calls ≤ 1 is a Bernoulli call (a cache miss path)', () => {
    const r = simulateNetwork(fanOut(0.3), { seed: 3, requests: 100_000 });
    expect(rel(r.stations.backend!.arrivals / r.stations.api!.arrivals, 0.3)).toBeLessThan(0.02);
    expect(rel(r.endToEnd.meanMs, 0.3 * 5)).toBeLessThan(0.05);
    const none = simulateNetwork(fanOut(0), { seed: 3, requests: 10_000 });
    expect(none.stations.backend!.arrivals).toBe(0);
    expect(none.endToEnd.p99Ms).toBe(0);
  });
});

describe('sequential and async children', () => {
  const net: SimNetwork = {
    arrivalRps: 100,
    arrival: { kind: 'poisson' },
    entries: [{ station: 'api', share: 1 }],
    stations: [st('api', 1, 0), st('features', 3, 1), st('model', 5, 0.5), st('rerank', 4, 0), st('log', 100, 1, 10_000, false), st('sink', 50, 1)],
    routes: [
      { from: 'api', to: 'features', calls: 1 },
      { from: 'api', to: 'log', calls: 1 },
      { from: 'api', to: 'model', calls: 1 },
      { from: 'api', to: 'rerank', calls: 0.5 },
      { from: 'log', to: 'sink', calls: 1 },
    ],
  };

  it('sequential stages add their means; async stations add nothing', () => {
    const r = simulateNetwork(net, { seed: 4, requests: 100_000 });
    expect(rel(r.endToEnd.meanMs, 1 + 3 + 5 + 0.5 * 4)).toBeLessThan(0.02);
    // The async logger and what it calls are visited and loaded all the same.
    expect(rel(r.stations.log!.arrivals, r.requests)).toBeLessThan(1e-9);
    expect(rel(r.stations.sink!.arrivals, r.requests)).toBeLessThan(1e-9);
    expect(rel(r.stations.log!.meanResponseMs, 100)).toBeLessThan(0.03);
    expect(r.endToEnd.p99Ms).toBeLessThan(100); // a 100 ms + 50 ms async branch would dominate if it were waited for
    const syncLog = simulateNetwork({ ...net, stations: net.stations.map((s) => (s.id === 'log' ? { ...s, sync: true } : s)) }, { seed: 4, requests: 100_000 });
    expect(rel(syncLog.endToEnd.meanMs, 11 + 100 + 50)).toBeLessThan(0.03);
  });

  it('routes to the same station in sequence add, parallel calls take the max', () => {
    const base = { arrivalRps: 100, arrival: { kind: 'poisson' as const }, entries: [{ station: 'a', share: 1 }] };
    const seq = simulateNetwork(
      { ...base, stations: [st('a', 0, 0), st('b', 3, 1), st('c', 3, 1)], routes: [{ from: 'a', to: 'b', calls: 1 }, { from: 'a', to: 'c', calls: 1 }] },
      { seed: 5, requests: 100_000 },
    );
    const par = simulateNetwork({ ...base, stations: [st('a', 0, 0), st('b', 3, 1)], routes: [{ from: 'a', to: 'b', calls: 2 }] }, { seed: 5, requests: 100_000 });
    expect(rel(seq.endToEnd.meanMs, 6)).toBeLessThan(0.02);
    expect(rel(par.endToEnd.meanMs, 4.5)).toBeLessThan(0.02);
  });

  it('a tandem of two M/M/1 queues (a Jackson network) has E2E = Σ S/(1−ρ)', () => {
    const r = simulateNetwork(
      {
        arrivalRps: 50,
        arrival: { kind: 'poisson' },
        entries: [{ station: 'a', share: 1 }],
        stations: [st('a', 10, 1, 1), st('b', 10, 1, 1)],
        routes: [{ from: 'a', to: 'b', calls: 1 }],
      },
      { seed: 6, requests: 200_000 },
    );
    expect(rel(r.stations.a!.meanResponseMs, 20)).toBeLessThan(0.05); // local time only: children are not counted
    expect(rel(r.stations.b!.meanResponseMs, 20)).toBeLessThan(0.05);
    expect(rel(r.endToEnd.meanMs, 40)).toBeLessThan(0.05);
  });

  it('splits arrivals over the entries by share', () => {
    const r = simulateNetwork(
      {
        arrivalRps: 400,
        arrival: { kind: 'poisson' },
        entries: [
          { station: 'web', share: 3 },
          { station: 'mobile', share: 1 },
        ],
        stations: [st('web', 2, 1), st('mobile', 4, 1)],
        routes: [],
      },
      { seed: 7, requests: 100_000 },
    );
    expect(rel(r.stations.web!.arrivalRps, 300)).toBeLessThan(0.02);
    expect(rel(r.stations.mobile!.arrivalRps, 100)).toBeLessThan(0.03);
    expect(rel(r.endToEnd.meanMs, 0.75 * 2 + 0.25 * 4)).toBeLessThan(0.02);
  });
});
