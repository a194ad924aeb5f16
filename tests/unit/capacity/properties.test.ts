import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangC, estimateDesign, kOfN } from '../../../src/domain/capacity/index.ts';
import type { DesignEstimate } from '../../../src/domain/capacity/index.ts';
import type { DesignEdge, DesignNode } from '../../../src/domain/design/schema.ts';
import { design } from './designs.ts';

const KINDS = ['api-gateway', 'cache', 'database', 'feature-store-online', 'vector-index', 'model-server', 'logging'] as const;

/** Random designs: a client and a random tree of request-path components (model servers without a window). */
const arbDesign = fc
  .record({
    rps: fc.integer({ min: 1, max: 3000 }),
    parts: fc.array(
      fc.record({
        kind: fc.constantFrom(...KINDS),
        replicas: fc.integer({ min: 1, max: 6 }),
        serviceMs: fc.double({ min: 0.2, max: 30, noNaN: true }),
        serviceCv: fc.double({ min: 0, max: 2, noNaN: true }),
        concurrency: fc.integer({ min: 1, max: 16 }),
        parent: fc.nat(),
        calls: fc.constantFrom(1, 1, 2, 3.5),
        hit: fc.constantFrom(0, 0, 0.5, 0.9),
        model: fc.constantFrom('bert-base', 'resnet50', 'distilbert'),
      }),
      { minLength: 1, maxLength: 7 },
    ),
  })
  .map(({ rps, parts }) => {
    const nodes: DesignNode[] = [{ id: 'c', kind: 'client' }];
    const edges: DesignEdge[] = [];
    parts.forEach((p, i) => {
      const id = `n${i}`;
      const params = p.kind === 'model-server'
        ? { model: p.model, hardware: 'T4', maxBatch: 16, batchWindowMs: 0 }
        : { serviceMs: p.serviceMs, serviceCv: p.serviceCv, concurrency: p.concurrency };
      nodes.push({ id, kind: p.kind, replicas: p.replicas, params });
      const parent = i === 0 ? 'c' : `n${p.parent % i}`;
      edges.push({ from: parent, to: id, ...(p.calls !== 1 ? { callsPerRequest: p.calls } : {}), ...(p.hit ? { hitRatio: p.hit } : {}) });
    });
    return design(nodes, edges, { rps });
  });

const LATENCIES = ['meanMs', 'p50Ms', 'p99Ms'] as const;
/** The resolution of end-to-end quantiles: the grid step, given with the explanation. */
const step = (e: DesignEstimate) => Number(e.explain['endToEnd.p99Ms']!.inputs.find((i) => i.name.startsWith('grid step'))?.value ?? 0);
const noWorse = (after: number | null, before: number | null, tol: number) => before === null || (after !== null && after <= before * (1 + 1e-6) + tol);

function latencyNotWorse(after: DesignEstimate, before: DesignEstimate) {
  // Each node up to the root finder's relative tolerance. End to end up to the grid's rounding: a stage's minimum
  // moves with load (batch size), which can move where a branch lands by one bin, on each side of a mixture.
  const tol = 2 * Math.max(step(before), step(after));
  for (const k of LATENCIES) expect(noWorse(after.endToEnd[k], before.endToEnd[k], tol), `end-to-end ${k}`).toBe(true);
  for (const [id, b] of Object.entries(before.nodes)) for (const k of LATENCIES) expect(noWorse(after.nodes[id]![k], b[k], 1e-9), `${id} ${k}`).toBe(true);
}

describe('capacity invariants (fast-check)', () => {
  it('more replicas never raise any latency', () => {
    fc.assert(
      fc.property(arbDesign, fc.nat(), fc.integer({ min: 1, max: 5 }), (d, pick, extra) => {
        const target = d.nodes[1 + (pick % (d.nodes.length - 1))]!;
        const before = estimateDesign(d);
        const bigger = { ...d, nodes: d.nodes.map((n) => (n.id === target.id ? { ...n, replicas: (n.replicas ?? 1) + extra } : n)) };
        latencyNotWorse(estimateDesign(bigger), before);
      }),
      { numRuns: 150 },
    );
  });

  it('utilisation and saturation are monotone in load', () => {
    fc.assert(
      fc.property(arbDesign, fc.double({ min: 0.5, max: 10, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), (d, m, f) => {
        const lo = estimateDesign(d, { loadMultiplier: m });
        const hi = estimateDesign(d, { loadMultiplier: m * f });
        for (const [id, n] of Object.entries(lo.nodes)) {
          expect(hi.nodes[id]!.utilization).toBeGreaterThanOrEqual(n.utilization - 1e-12);
          if (n.saturated) expect(hi.nodes[id]!.saturated).toBe(true);
        }
        if (lo.endToEnd.saturated) expect(hi.endToEnd.saturated).toBe(true);
        if (lo.maxThroughputRps !== null) expect(hi.maxThroughputRps).toBeCloseTo(lo.maxThroughputRps, 6); // a property of the design, not the load
      }),
      { numRuns: 150 },
    );
  });

  it('Erlang C is a probability and never rises with more servers', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2000, noNaN: true }), fc.integer({ min: 0, max: 300 }), (A, extra) => {
        const c = Math.ceil(A) + extra;
        const here = erlangC(c, A);
        expect(here).toBeGreaterThanOrEqual(0);
        expect(here).toBeLessThanOrEqual(1);
        expect(erlangC(c + 1, A)).toBeLessThanOrEqual(here + 1e-15);
        if (here > 1e-12 && here < 1) expect(erlangC(c + 1, A)).toBeLessThan(here);
      }),
    );
  });

  it('k-of-n availability is a probability, rises with p and n, falls with k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.nat(), fc.double({ min: 0.5, max: 0.99999, noNaN: true }), (n, kRaw, p) => {
        const k = 1 + (kRaw % n);
        const a = kOfN(n, k, p);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(1);
        expect(kOfN(n + 1, k, p)).toBeGreaterThanOrEqual(a - 1e-12);
        if (k < n) expect(kOfN(n, k + 1, p)).toBeLessThanOrEqual(a + 1e-12);
        expect(kOfN(n, k, Math.min(0.999999, p + 0.0001))).toBeGreaterThanOrEqual(a - 1e-12);
      }),
    );
  });
});
