import { describe, expect, it } from 'vitest';
import { BENCH_NETWORK, createSimulation, eventsPerSecond, simulateNetwork } from '../../../src/domain/simulate/simulate.ts';
import type { SimNetwork } from '../../../src/domain/simulate/network.ts';
import type { SimResult } from '../../../src/domain/simulate/types.ts';

const withoutWall = ({ wallMs: _w, ...r }: SimResult): Omit<SimResult, 'wallMs'> => r;

describe('simulateNetwork', () => {
  it('is reproducible: same seed, same result; another seed, another result', () => {
    const a = simulateNetwork(BENCH_NETWORK, { seed: 42, requests: 20_000 });
    const b = simulateNetwork(BENCH_NETWORK, { seed: 42, requests: 20_000 });
    const c = simulateNetwork(BENCH_NETWORK, { seed: 43, requests: 20_000 });
    expect(withoutWall(a)).toEqual(withoutWall(b));
    expect(a.endToEnd.meanMs).not.toBe(c.endToEnd.meanMs);
    expect(a.events).not.toBe(c.events);
    expect(a.wallMs).toBeGreaterThan(0);
  });

  it('gives the same result whether run at once or slice by slice', () => {
    const whole = simulateNetwork(BENCH_NETWORK, { seed: 9, requests: 10_000 });
    const sim = createSimulation(BENCH_NETWORK, { seed: 9, requests: 10_000 });
    let slices = 0;
    while (!sim.step(777)) slices++;
    expect(slices).toBeGreaterThan(10);
    expect(sim.events).toBe(whole.events);
    expect(sim.now).toBe(whole.simulatedMs);
  });

  it('measures exactly the requested number of requests after the warm-up', () => {
    const r = simulateNetwork(BENCH_NETWORK, { seed: 1, requests: 5_000, warmupRequests: 0 });
    expect(r.requests).toBe(5_000);
    expect(r.stations.gateway!.arrivals).toBe(5_000);
    expect(r.stopped).toBeUndefined();
    expect(r.saturated).toEqual([]);
    expect(r.stations.model!.meanBatch).toBeGreaterThanOrEqual(1);
    expect(r.stations.gateway!.meanBatch).toBeUndefined();
  });

  it('reports progress from 0 to 1 and stops when aborted', () => {
    const seen: number[] = [];
    simulateNetwork(BENCH_NETWORK, { seed: 1, requests: 50_000, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const signal = { aborted: false };
    const r = simulateNetwork(BENCH_NETWORK, {
      seed: 1,
      requests: 1_000_000,
      signal,
      onProgress: (f) => {
        if (f > 0.05) signal.aborted = true;
      },
    });
    expect(r.stopped).toBe('aborted');
    expect(r.events).toBeLessThan(2_000_000);
  });

  it('rejects malformed networks with a clear message', () => {
    const ok: SimNetwork = {
      arrivalRps: 10,
      arrival: { kind: 'poisson' },
      entries: [{ station: 'a', share: 1 }],
      stations: [
        { id: 'a', servers: 1, service: { meanMs: 1, cv: 1 }, sync: true },
        { id: 'b', servers: 1, service: { meanMs: 1, cv: 1 }, sync: true },
      ],
      routes: [{ from: 'a', to: 'b', calls: 1 }],
    };
    const bad = (patch: Partial<SimNetwork>) => () => simulateNetwork({ ...ok, ...patch }, { seed: 1, requests: 10 });
    expect(bad({})).not.toThrow();
    expect(bad({ arrivalRps: 0 })).toThrow(/arrivalRps/);
    expect(bad({ entries: [] })).toThrow(/entry/);
    expect(bad({ entries: [{ station: 'x', share: 1 }] })).toThrow(/unknown station "x"/);
    expect(bad({ routes: [{ from: 'a', to: 'zz', calls: 1 }] })).toThrow(/unknown station "zz"/);
    expect(bad({ routes: [{ from: 'a', to: 'b', calls: -1 }] })).toThrow(/calls/);
    expect(
      bad({
        routes: [
          { from: 'a', to: 'b', calls: 1 },
          { from: 'b', to: 'a', calls: 1 },
        ],
      }),
    ).toThrow(/cycle/);
    expect(bad({ stations: [{ ...ok.stations[0]!, servers: 0 }, ok.stations[1]!] })).toThrow(/servers/);
    expect(bad({ stations: [ok.stations[0]!, { ...ok.stations[0]!, id: 'a' }] })).toThrow(/duplicate/);
    expect(bad({ stations: [ok.stations[0]!, { ...ok.stations[1]!, service: { meanMs: -2, cv: 1 } }] })).toThrow(/station "b": service mean/);
    expect(() => simulateNetwork(ok, { seed: 1, requests: 0 })).toThrow(/requests/);
  });

  it('eventsPerSecond measures a run (no timing asserted)', () => {
    const m = eventsPerSecond(BENCH_NETWORK, 2_000);
    expect(m.events).toBeGreaterThan(2_000);
    expect(m.wallMs).toBeGreaterThan(0);
    expect(m.perSecond).toBeCloseTo((m.events / m.wallMs) * 1000, 6);
  });
});
