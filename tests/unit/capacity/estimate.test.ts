import { describe, expect, it } from 'vitest';
import { estimateDesign, kOfN, loadSweep, queueMetrics, SWEEP_MULTIPLIERS } from '../../../src/domain/capacity/index.ts';
import { bigDesign, design, serving } from './designs.ts';

/** client → api (one replica of 4 servers at 10 ms, exponential): saturates at 400 req/s. */
const single = (rps: number, replicas = 1) =>
  design([{ id: 'c', kind: 'client' }, { id: 'api', kind: 'api-gateway', replicas, params: { serviceMs: 10, serviceCv: 1, concurrency: 4 } }], [{ from: 'c', to: 'api' }], { rps });

describe('estimateDesign', () => {
  it('splits the p99 budget along the slowest chain: parallel branches do not add up', () => {
    // api fans out to two 40 ms stages in parallel; their sum (80 ms + api) exceeds a 60 ms budget, but no single chain does.
    const stage = { serviceMs: 40, serviceCv: 0, concurrency: 64 };
    const d = design(
      [{ id: 'c', kind: 'client' }, { id: 'api', kind: 'api-gateway' }, { id: 'a', kind: 'api-gateway', params: stage }, { id: 'b', kind: 'api-gateway', params: stage }],
      [{ from: 'c', to: 'api' }, { from: 'api', to: 'a' }, { from: 'api', to: 'b' }],
      { rps: 10, p99BudgetMs: 60 },
    );
    const e = estimateDesign(d);
    expect(e.warnings.some((w) => w.includes('slowest path'))).toBe(false);
    const tight = estimateDesign({ ...d, workload: { ...d.workload, p99BudgetMs: 30 } });
    expect(tight.warnings.some((w) => w.includes('slowest path'))).toBe(true);
  });

  it('a one-node path reports that node\'s own distribution end to end', () => {
    const e = estimateDesign(single(300));
    const q = queueMetrics({ servers: 4, arrivalRps: 300, serviceMs: 10 });
    expect(e.nodes.api!.utilization).toBeCloseTo(0.75, 12);
    expect(e.endToEnd.meanMs).toBeCloseTo(q.meanResponseMs!, 9);
    // End-to-end quantiles come from the grid: within one step of the node's exact p99.
    const step = Number(e.explain['endToEnd.p99Ms']!.inputs.find((i) => i.name.startsWith('grid step'))!.value);
    expect(step).toBeLessThan(0.5);
    expect(Math.abs(e.endToEnd.p99Ms! - q.p99ResponseMs!)).toBeLessThanOrEqual(step);
    expect(e.nodes.api!.p99Ms).toBeCloseTo(q.p99ResponseMs!, 9);
  });

  it('marks a node at ρ ≥ 1 saturated with null latency, makes it the bottleneck, and recovers with replicas', () => {
    const sat = estimateDesign(single(500));
    expect(sat.nodes.api!.saturated).toBe(true);
    expect(sat.nodes.api!.p99Ms).toBeNull();
    expect(sat.nodes.api!.meanMs).toBeNull();
    expect(sat.endToEnd).toMatchObject({ saturated: true, meanMs: null, p50Ms: null, p99Ms: null });
    expect(sat.bottleneck).toBe('api');
    expect(sat.maxThroughputRps).toBeCloseTo(400, 9);
    expect(sat.nodes.api!.replicasNeeded).toBe(2); // 500 / (0.7 × 400)
    expect(sat.warnings.join(' ')).toMatch(/"api" is saturated/);
    const ok = estimateDesign(single(500, 2));
    expect(ok.nodes.api!.saturated).toBe(false);
    expect(ok.endToEnd.p99Ms).not.toBeNull();
    expect(ok.maxThroughputRps).toBeCloseTo(800, 9);
  });

  it('max throughput is where the first node reaches ρ = 1: just below it nothing saturates, just above it does', () => {
    const d = serving();
    const e = estimateDesign(d);
    const m = e.maxThroughputRps! / e.loadRps;
    expect(e.bottleneck).not.toBeNull();
    expect(estimateDesign(d, { loadMultiplier: m * 0.999 }).nodes[e.bottleneck!]!.saturated).toBe(false);
    expect(estimateDesign(d, { loadMultiplier: m * 1.001 }).nodes[e.bottleneck!]!.saturated).toBe(true);
  });

  it('adds sequential stages, waits for sync calls only, and weights optional calls', () => {
    const e = estimateDesign(serving());
    const n = e.nodes;
    const expected = n.lb!.meanMs! + n.api!.meanMs! + n.cache!.meanMs! + 0.2 * n.db!.meanMs! + n.model!.meanMs!;
    expect(e.endToEnd.meanMs).toBeCloseTo(expected, 6); // logging is async: not waited for
    expect(e.endToEnd.p99Ms!).toBeGreaterThan(e.endToEnd.p50Ms!);
    // p99s do not add: the composed p99 is below the sum of the stage p99s.
    const sumP99 = n.lb!.p99Ms! + n.api!.p99Ms! + n.cache!.p99Ms! + n.db!.p99Ms! + n.model!.p99Ms!;
    expect(e.endToEnd.p99Ms!).toBeLessThan(sumP99);
  });

  it('a fan-out of k parallel calls raises the tail above one call', () => {
    const fan = (k: number) => estimateDesign(design(
      [{ id: 'c', kind: 'client' }, { id: 'api', kind: 'api-gateway' }, { id: 'shard', kind: 'vector-index', replicas: 20 }],
      [{ from: 'c', to: 'api' }, { from: 'api', to: 'shard', callsPerRequest: k }],
    ));
    expect(fan(10).endToEnd.p99Ms!).toBeGreaterThan(fan(1).endToEnd.p99Ms!);
    expect(fan(10).endToEnd.p50Ms!).toBeGreaterThan(fan(1).endToEnd.p50Ms!);
  });

  it('costs replicas × $/h × 730 h, per 1M predictions at the design load, and counts GPU-hours', () => {
    const e = estimateDesign(serving());
    expect(e.nodes.model!.monthlyCostUsd).toBeCloseTo(2 * 0.526 * 730, 6); // 2 × g4dn.xlarge (1 T4)
    expect(e.nodes.api!.monthlyCostUsd).toBeCloseTo(2 * 0.17 * 730, 6);
    const total = Object.values(e.nodes).reduce((s, n) => s + n.monthlyCostUsd, 0);
    expect(e.monthlyCostUsd).toBeCloseTo(total, 6);
    expect(e.costPer1MUsd).toBeCloseTo(total / ((400 * 3600 * 730) / 1e6), 9);
    expect(e.gpuHoursPerMonth).toBe(2 * 730 + 8 * 730); // two T4 replicas + one p4d (8 × A100) training box
  });

  it('sizes replicas for the target utilisation and for the p99 budget', () => {
    const base = estimateDesign(single(1000));
    expect(base.nodes.api!.replicasNeeded).toBe(Math.ceil(1000 / (0.7 * 400)));
    const lower = estimateDesign(design(single(1000).nodes, single(1000).edges, { rps: 1000, targetUtilization: 0.5 }));
    expect(lower.nodes.api!.replicasNeeded).toBe(5);
    // A budget just above the unloaded p99 (10·ln 100 = 46.05 ms) forces more replicas than utilisation does.
    const tight = estimateDesign(design(single(1000).nodes, single(1000).edges, { rps: 1000, p99BudgetMs: 46.1 }));
    const n = tight.nodes.api!.replicasNeeded;
    expect(n).toBeGreaterThan(4);
    const p99 = (r: number) => queueMetrics({ servers: 4 * r, arrivalRps: 1000, serviceMs: 10 }).p99ResponseMs!;
    expect(p99(n)).toBeLessThanOrEqual(46.1);
    expect(p99(n - 1)).toBeGreaterThan(46.1);
  });

  it('warns when no number of replicas can meet the p99 budget', () => {
    const e = estimateDesign(design(single(100).nodes, single(100).edges, { rps: 100, p99BudgetMs: 20 }));
    expect(e.warnings.join(' ')).toMatch(/p99 budget 20 ms/);
    expect(e.endToEnd.withinBudget).toBe(false);
  });

  it('availability: k-of-n per node, serial along the request path', () => {
    expect(kOfN(3, 2, 0.99)).toBeCloseTo(3 * 0.99 ** 2 * 0.01 + 0.99 ** 3, 12);
    expect(kOfN(1, 1, 0.999)).toBeCloseTo(0.999, 12);
    expect(kOfN(100_000, 99_000, 0.999)).toBeCloseTo(1, 12);
    expect(kOfN(100_000, 99_950, 0.999)).toBeLessThan(0.01);
    const e = estimateDesign(serving());
    const path = ['lb', 'api', 'cache', 'db', 'model'].map((id) => e.nodes[id]!.availability);
    expect(e.availability).toBeCloseTo(path.reduce((a, b) => a * b, 1), 12);
    expect(e.nodes.api!.availability).toBeCloseTo(kOfN(2, 1, 0.999), 12);
    expect(estimateDesign(single(500)).availability).toBe(0); // saturated: cannot carry the load
  });

  it('every headline number explains itself with a formula and inputs', () => {
    const e = estimateDesign(serving());
    for (const key of ['loadRps', 'endToEnd.meanMs', 'endToEnd.p50Ms', 'endToEnd.p99Ms', 'maxThroughputRps', 'monthlyCostUsd', 'costPer1MUsd', 'gpuHoursPerMonth', 'availability']) {
      expect(e.explain[key]?.formula.length).toBeGreaterThan(10);
    }
    expect(e.explain['endToEnd.p99Ms']!.value).toBe(e.endToEnd.p99Ms);
    expect(e.explain.maxThroughputRps!.value).toBe(e.maxThroughputRps);
    const model = e.nodes.model!;
    for (const key of ['arrivalRps', 'utilization', 'meanMs', 'p50Ms', 'p99Ms', 'maxRps', 'replicasNeeded', 'monthlyCostUsd', 'availability', 'batch', 'batch.aMs', 'batch.bMs', 'batch.effectiveBatch']) {
      expect(model.explain[key], key).toBeDefined();
    }
    expect(model.explain.p99Ms!.value).toBe(model.p99Ms);
    const inputs = model.explain['batch.aMs']!.inputs;
    expect(inputs.find((i) => i.name.startsWith('efficiency'))?.source?.label).toMatch(/BERT-large/);
    expect(model.batch).toMatchObject({ source: 'roofline', bound: 'compute' });
  });

  it('uses a calibration profile when the node names one', () => {
    const d = serving();
    const node = d.nodes.find((n) => n.id === 'model')!;
    node.params = { ...node.params, profileId: 'my-t4' };
    const e = estimateDesign(d, { profiles: { 'my-t4': { aMs: 3, bMs: 1, label: 'bench' } } });
    expect(e.nodes.model!.batch).toMatchObject({ aMs: 3, bMs: 1, source: 'profile' });
    expect(estimateDesign(d).warnings.join(' ')).toMatch(/profile "my-t4" not found/);
  });

  it('falls back to the catalog service time for an unknown model name, with a warning', () => {
    const d = serving();
    d.nodes.find((n) => n.id === 'model')!.params = { model: 'gpt-17' };
    const e = estimateDesign(d);
    expect(e.nodes.model!.batch).toBeUndefined();
    expect(e.warnings.join(' ')).toMatch(/unknown model "gpt-17"/);
  });

  it('estimates a 200-node design with finite, consistent numbers', () => {
    const d = bigDesign(200);
    const e = estimateDesign(d);
    expect(Object.keys(e.nodes)).toHaveLength(200);
    expect(e.endToEnd.saturated).toBe(false);
    expect(e.endToEnd.p99Ms!).toBeGreaterThan(e.endToEnd.p50Ms!);
    expect(Number.isFinite(e.maxThroughputRps!)).toBe(true);
    for (const n of Object.values(e.nodes)) {
      if (n.role === 'sync' && n.arrivalRps > 0) expect(n.p99Ms!).toBeGreaterThanOrEqual(n.p50Ms!);
    }
  });
});

describe('loadSweep', () => {
  it('walks the slider range; latency grows, then saturates to null; scaled cost grows with load', () => {
    const points = loadSweep(single(200));
    expect(points.map((p) => p.multiplier)).toEqual([...SWEEP_MULTIPLIERS]);
    expect(points.find((p) => p.multiplier === 1)!.loadRps).toBe(200);
    const finite = points.filter((p) => p.p99Ms !== null);
    for (let i = 1; i < finite.length; i++) expect(finite[i]!.p99Ms!).toBeGreaterThanOrEqual(finite[i - 1]!.p99Ms!);
    expect(points.find((p) => p.multiplier === 2)!.saturated).toBe(true); // 400 req/s = capacity
    expect(points.at(-1)!.costScaledUsd).toBeGreaterThan(points[0]!.costScaledUsd);
  });
});
