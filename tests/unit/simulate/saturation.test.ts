import { describe, expect, it } from 'vitest';
import { simulateNetwork } from '../../../src/domain/simulate/simulate.ts';
import type { SimNetwork } from '../../../src/domain/simulate/network.ts';

const single = (rps: number, servers: number, meanMs: number, cv = 1): SimNetwork => ({
  arrivalRps: rps,
  arrival: { kind: 'poisson' },
  entries: [{ station: 's', share: 1 }],
  stations: [{ id: 's', servers, service: { meanMs, cv }, sync: true }],
  routes: [],
});

describe('saturation', () => {
  it('ρ = 1.2 is reported and the run stops early', () => {
    const r = simulateNetwork(single(120, 1, 10), { seed: 1, requests: 1_000_000 });
    expect(r.saturated).toEqual(['s']);
    expect(r.stopped).toBe('saturated');
    expect(r.events).toBeLessThan(200_000); // a full run would be over 2M events
    // Rates and utilization are still measured over a short window.
    expect(Math.abs(r.stations.s!.arrivalRps / 120 - 1)).toBeLessThan(0.05);
    expect(r.stations.s!.utilization).toBeGreaterThan(0.99);
  });

  it('a heavily overloaded station (ρ = 10) stops just as early', () => {
    const r = simulateNetwork(single(1000, 1, 10), { seed: 2, requests: 1_000_000 });
    expect(r.saturated).toEqual(['s']);
    expect(r.events).toBeLessThan(200_000);
  });

  it('ρ = 1 exactly is saturated (utilization ≥ 0.99) even though its queue grows only like √t', () => {
    const r = simulateNetwork(single(100, 1, 10, 0), { seed: 3, requests: 100_000 });
    expect(r.saturated).toEqual(['s']);
  });

  it('finds the bottleneck inside a network and names only it', () => {
    const net: SimNetwork = {
      arrivalRps: 500,
      arrival: { kind: 'poisson' },
      entries: [{ station: 'api', share: 1 }],
      stations: [
        { id: 'api', servers: 8, service: { meanMs: 4, cv: 1 }, sync: true },
        { id: 'db', servers: 2, service: { meanMs: 3, cv: 1 }, sync: true }, // λ = 1/ms, capacity 0.67/ms
        { id: 'cache', servers: 4, service: { meanMs: 1, cv: 1 }, sync: true },
      ],
      routes: [
        { from: 'api', to: 'cache', calls: 1 },
        { from: 'api', to: 'db', calls: 2 },
      ],
    };
    const r = simulateNetwork(net, { seed: 4, requests: 500_000 });
    expect(r.saturated).toEqual(['db']);
    expect(r.stopped).toBe('saturated');
    expect(Math.abs(r.stations.api!.arrivalRps / 500 - 1)).toBeLessThan(0.05);
    expect(r.stations.db!.utilization).toBeGreaterThan(0.99);
    expect(r.stations.cache!.utilization).toBeLessThan(0.2);
  });

  it('a batcher past its top rate maxBatch/(a + b·maxBatch) is saturated', () => {
    const net: SimNetwork = {
      ...single(2000, 1, 1),
      stations: [{ id: 's', servers: 1, service: { meanMs: 0, cv: 0 }, sync: true, batching: { aMs: 2, bMs: 0.3, maxBatch: 8, windowMs: 0 } }],
    }; // top rate 8/4.4 ms = 1.8/ms < 2/ms
    const r = simulateNetwork(net, { seed: 5, requests: 500_000 });
    expect(r.saturated).toEqual(['s']);
    expect(r.stations.s!.maxBatchObserved).toBe(8);
  });

  it('stable loads are not flagged, up to ρ = 0.95', () => {
    for (const [rps, c, seed] of [
      [70, 1, 6],
      [95, 1, 7],
      [900, 10, 8],
      [940, 10, 9],
    ] as const) {
      const r = simulateNetwork(single(rps, c, 10), { seed, requests: 100_000 });
      expect(r.saturated, `λ = ${rps}/s, c = ${c}`).toEqual([]);
      expect(r.stopped).toBeUndefined();
    }
  });

  it('maxEvents caps a run and says so', () => {
    const r = simulateNetwork(single(50, 1, 10), { seed: 10, requests: 100_000, maxEvents: 5_000 });
    expect(r.stopped).toBe('max-events');
    expect(r.events).toBe(5_000);
  });
});
