import { describe, expect, it } from 'vitest';
import { buildFlow, estimateDesign } from '../../../src/domain/capacity/index.ts';
import { design, serving } from './designs.ts';

describe('traffic through the design', () => {
  it('multiplies calls per request and removes cache hits', () => {
    const d = design(
      [{ id: 'c', kind: 'client' }, { id: 'api', kind: 'api-gateway' }, { id: 'cache', kind: 'cache' }, { id: 'db', kind: 'database' }, { id: 'fs', kind: 'feature-store-online' }],
      [{ from: 'c', to: 'api' }, { from: 'api', to: 'cache', callsPerRequest: 3 }, { from: 'cache', to: 'db', hitRatio: 0.9 }, { from: 'api', to: 'fs', callsPerRequest: 2, hitRatio: 0.5 }],
      { rps: 100, peakFactor: 2 },
    );
    const e = estimateDesign(d);
    expect(e.loadRps).toBe(200);
    expect(e.nodes.api!.arrivalRps).toBe(200);
    expect(e.nodes.cache!.arrivalRps).toBe(600);
    expect(e.nodes.db!.arrivalRps).toBeCloseTo(60, 9);
    expect(e.nodes.fs!.arrivalRps).toBeCloseTo(200, 9);
    expect(e.edges['cache->db']!.rps).toBeCloseTo(60, 9);
    expect(e.edges['api->cache']!.rps).toBe(600);
  });

  it('the load multiplier scales every rate', () => {
    const e = estimateDesign(serving(), { loadMultiplier: 2.5 });
    expect(e.loadRps).toBe(1000);
    expect(e.nodes.api!.arrivalRps).toBe(1000);
    expect(e.nodes.db!.arrivalRps).toBeCloseTo(200, 9);
  });

  it('offline nodes take no request traffic but still cost money; async nodes take traffic', () => {
    const e = estimateDesign(serving());
    expect(e.nodes.train!.arrivalRps).toBe(0);
    expect(e.nodes.train!.meanMs).toBeNull();
    expect(e.nodes.train!.monthlyCostUsd).toBeCloseTo(32.7726 * 730, 6);
    expect(e.edges['log->train']!.rps).toBe(0);
    expect(e.nodes.log!.arrivalRps).toBe(400);
  });

  it('without clients, requests enter at the nodes nobody calls', () => {
    const d = design([{ id: 'api', kind: 'api-gateway' }, { id: 'db', kind: 'database' }], [{ from: 'api', to: 'db' }], { rps: 50 });
    const f = buildFlow(d);
    expect(f.entries).toEqual([{ id: 'api', share: 1 }]);
    expect(estimateDesign(d).nodes.db!.arrivalRps).toBe(50);
  });

  it('splits the load evenly over several clients', () => {
    const d = design(
      [{ id: 'web', kind: 'client' }, { id: 'app', kind: 'client' }, { id: 'api', kind: 'api-gateway' }, { id: 'db', kind: 'database' }],
      [{ from: 'web', to: 'api' }, { from: 'app', to: 'db' }],
      { rps: 100 },
    );
    const e = estimateDesign(d);
    expect(e.nodes.api!.arrivalRps).toBe(50);
    expect(e.nodes.db!.arrivalRps).toBe(50);
  });

  it('drops the back edge of a cycle and names it in a warning', () => {
    const d = design(
      [{ id: 'c', kind: 'client' }, { id: 'a', kind: 'api-gateway' }, { id: 'b', kind: 'database' }, { id: 'x', kind: 'cache' }],
      [{ from: 'c', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'x' }, { from: 'x', to: 'a' }],
    );
    const f = buildFlow(d);
    expect(f.dropped).toEqual(['x → a']);
    const e = estimateDesign(d);
    expect(e.warnings.some((w) => w.includes('x → a'))).toBe(true);
    expect(e.nodes.a!.arrivalRps).toBe(100); // the loop does not feed traffic back
    expect(e.edges['x->a']!.rps).toBe(0);
    expect(e.endToEnd.meanMs).not.toBeNull();
  });

  it('warns about components no request reaches', () => {
    const d = design([{ id: 'c', kind: 'client' }, { id: 'a', kind: 'api-gateway' }, { id: 'lonely', kind: 'database' }], [{ from: 'c', to: 'a' }]);
    const e = estimateDesign(d);
    expect(e.nodes.lonely!.arrivalRps).toBe(0);
    expect(e.warnings.join(' ')).toMatch(/"lonely"/);
  });
});
