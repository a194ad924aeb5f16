import { describe, expect, it } from 'vitest';
import { estimateDesign, toNetwork } from '../../../src/domain/capacity/index.ts';
import { simulateNetwork } from '../../../src/domain/simulate/simulate.ts';
import type { Design } from '../../../src/domain/design/schema.ts';

/**
 * The analytic engine and the discrete-event simulator, run on the same design through the same `toNetwork`,
 * must agree: for M/M/c stations (service CV 1, Poisson arrivals) up to ρ = 0.9, mean and p99 within 10%.
 */
function mmc(servers: number, serviceMs: number, rho: number): Design {
  const rps = (rho * servers * 1000) / serviceMs;
  return {
    format: 'mlsd-design',
    version: 1,
    name: `M/M/${servers} at ${rho}`,
    workload: { rps },
    nodes: [
      { id: 'client-1', kind: 'client' },
      { id: 'api-1', kind: 'api-gateway', params: { serviceMs, serviceCv: 1, concurrency: servers } },
    ],
    edges: [{ from: 'client-1', to: 'api-1' }],
  };
}

const within = (a: number, b: number) => Math.abs(a - b) / b;

describe('analytic engine vs simulation on the same design', () => {
  it.each([
    [1, 10, 0.5],
    [1, 10, 0.8],
    [4, 10, 0.7],
    [10, 10, 0.9],
    [16, 2, 0.9],
  ])('M/M/%i, S = %i ms, ρ = %f: mean and p99 within 10 percent', (c, s, rho) => {
    const design = mmc(c, s, rho);
    const est = estimateDesign(design).nodes['api-1']!;
    expect(est.utilization).toBeCloseTo(rho, 6);
    const sim = simulateNetwork(toNetwork(design), { seed: 7, requests: rho >= 0.9 ? 1_000_000 : 300_000 }).stations['api-1']!;
    expect(within(est.meanMs!, sim.meanResponseMs)).toBeLessThan(0.1);
    expect(within(est.p99Ms!, sim.p99ResponseMs)).toBeLessThan(0.1);
    expect(within(est.utilization, sim.utilization)).toBeLessThan(0.02);
  });

  it('end to end through a three-tier chain with a cache', () => {
    const design: Design = {
      format: 'mlsd-design',
      version: 1,
      name: 'chain',
      workload: { rps: 600 },
      nodes: [
        { id: 'client-1', kind: 'client' },
        { id: 'lb-1', kind: 'load-balancer', params: { serviceMs: 1, serviceCv: 1, concurrency: 2 } },
        { id: 'api-1', kind: 'api-gateway', params: { serviceMs: 5, serviceCv: 1, concurrency: 4 } },
        { id: 'db-1', kind: 'database', params: { serviceMs: 4, serviceCv: 1, concurrency: 2 } },
      ],
      edges: [
        { from: 'client-1', to: 'lb-1' },
        { from: 'lb-1', to: 'api-1' },
        { from: 'api-1', to: 'db-1', hitRatio: 0.5 },
      ],
    };
    const est = estimateDesign(design);
    const sim = simulateNetwork(toNetwork(design), { seed: 11, requests: 400_000 });
    expect(within(est.nodes['db-1']!.arrivalRps, sim.stations['db-1']!.arrivalRps)).toBeLessThan(0.02);
    expect(within(est.endToEnd.meanMs!, sim.endToEnd.meanMs)).toBeLessThan(0.1);
    expect(within(est.endToEnd.p99Ms!, sim.endToEnd.p99Ms)).toBeLessThan(0.1);
  });
});

describe('headroom', async () => {
  const { headroom } = await import('../../../src/domain/capacity/headroom.ts');
  it('is max throughput over the load, or null without a request path', () => {
    expect(headroom({ maxThroughputRps: 500, loadRps: 200 })).toBe(2.5);
    expect(headroom({ maxThroughputRps: null, loadRps: 200 })).toBeNull();
    const e = estimateDesign(mmc(2, 10, 0.5));
    expect(headroom(e)).toBeCloseTo(2, 6);
  });
});
