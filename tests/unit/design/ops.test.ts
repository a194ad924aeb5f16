import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addNode, connect, copySelection, emptyDesign, moveNodes, paste, removeElements, updateEdge, updateNode, setWorkload, edgeKey } from '../../../src/domain/design/ops.ts';
import { readDesign } from '../../../src/domain/design/format.ts';
import { commit, redo, startHistory, undo, replacePresent, HISTORY_LIMIT } from '../../../src/domain/design/history.ts';
import { parseNumberInput, validateParam, validateEdgeField, validateWorkloadField } from '../../../src/domain/design/validate.ts';
import { COMPONENT_KINDS } from '../../../src/domain/catalog/components.ts';

function threeTier() {
  let d = emptyDesign('t');
  const ids: string[] = [];
  for (const k of ['client', 'load-balancer', 'api-gateway', 'model-server']) {
    const r = addNode(d, k, { x: ids.length * 200, y: 0 });
    d = r.design;
    ids.push(r.id);
  }
  for (let i = 0; i + 1 < ids.length; i++) {
    const c = connect(d, ids[i]!, ids[i + 1]!);
    if (!c.ok) throw new Error(c.reason);
    d = c.design;
  }
  return { d, ids };
}

describe('design ops', () => {
  it('adds nodes with readable unique ids', () => {
    let d = emptyDesign('x');
    d = addNode(d, 'cache', { x: 0, y: 0 }).design;
    const r = addNode(d, 'cache', { x: 10.4, y: 5.6 });
    expect(r.id).toBe('cache-2');
    expect(r.design.nodes[1]).toEqual({ id: 'cache-2', kind: 'cache', position: { x: 10, y: 6 } });
    expect(() => addNode(d, 'warp-drive', { x: 0, y: 0 })).toThrow(/unknown component kind/);
  });

  it('connects, refusing self loops and duplicates', () => {
    const { d, ids } = threeTier();
    expect(d.edges).toHaveLength(3);
    expect(connect(d, ids[0]!, ids[0]!)).toMatchObject({ ok: false });
    expect(connect(d, ids[0]!, ids[1]!)).toMatchObject({ ok: false, reason: expect.stringMatching(/already connected/) });
    expect(connect(d, ids[0]!, 'nope')).toMatchObject({ ok: false });
  });

  it('removing a node removes its edges', () => {
    const { d, ids } = threeTier();
    const next = removeElements(d, [ids[1]!]);
    expect(next.nodes.map((n) => n.id)).not.toContain(ids[1]);
    expect(next.edges).toEqual([{ from: ids[2], to: ids[3] }]);
    expect(readDesign(next).ok).toBe(true);
  });

  it('patches params and clears them back to defaults', () => {
    const { d, ids } = threeTier();
    const id = ids[3]!;
    const a = updateNode(d, id, { replicas: 4, params: { maxBatch: 16, model: 'resnet50' } });
    expect(a.nodes[3]).toMatchObject({ replicas: 4, params: { maxBatch: 16, model: 'resnet50' } });
    const b = updateNode(a, id, { replicas: undefined, params: { maxBatch: undefined, model: undefined } });
    expect(b.nodes[3]).not.toHaveProperty('replicas');
    expect(b.nodes[3]).not.toHaveProperty('params');
    expect(d.nodes[3]).not.toHaveProperty('replicas'); // input untouched
  });

  it('edits edges and workload', () => {
    const { d, ids } = threeTier();
    const key = edgeKey({ from: ids[2]!, to: ids[3]! });
    const e = updateEdge(d, key, { hitRatio: 0.4, callsPerRequest: 2 });
    expect(e.edges[2]).toEqual({ from: ids[2], to: ids[3], hitRatio: 0.4, callsPerRequest: 2 });
    const w = setWorkload(e, { rps: 1200, peakFactor: undefined });
    expect(w.workload).toEqual({ rps: 1200, payloadKb: 4, p99BudgetMs: 200 });
  });

  it('moving keeps untouched nodes identical (cheap re-render)', () => {
    const { d, ids } = threeTier();
    const m = moveNodes(d, new Map([[ids[1]!, { x: 5.2, y: 9.9 }]]));
    expect(m.nodes[1]!.position).toEqual({ x: 5, y: 10 });
    expect(m.nodes[0]).toBe(d.nodes[0]);
  });

  it('copy/paste duplicates nodes and inner edges with fresh ids', () => {
    const { d, ids } = threeTier();
    const clip = copySelection(d, [ids[1]!, ids[2]!]);
    expect(clip.edges).toEqual([{ from: ids[1], to: ids[2] }]);
    const p = paste(d, clip);
    expect(p.ids).toEqual(['load-balancer-2', 'api-gateway-2']);
    expect(p.design.edges.at(-1)).toEqual({ from: 'load-balancer-2', to: 'api-gateway-2' });
    expect(p.design.nodes.at(-1)!.position).toEqual({ x: 440, y: 40 });
    expect(readDesign(p.design).ok).toBe(true);
  });

  it('any sequence of ops keeps a valid design', () => {
    const kinds = COMPONENT_KINDS.map((k) => k.kind);
    const op = fc.oneof(
      fc.record({ t: fc.constant('add' as const), k: fc.constantFrom(...kinds), x: fc.integer({ min: -5000, max: 5000 }) }),
      fc.record({ t: fc.constant('connect' as const), a: fc.nat(30), b: fc.nat(30) }),
      fc.record({ t: fc.constant('remove' as const), a: fc.nat(30) }),
      fc.record({ t: fc.constant('copy' as const), a: fc.nat(30), b: fc.nat(30) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let d = emptyDesign('p');
        for (const o of ops) {
          const id = (i: number) => d.nodes[i % Math.max(1, d.nodes.length)]?.id;
          if (o.t === 'add') d = addNode(d, o.k, { x: o.x, y: 0 }).design;
          else if (o.t === 'connect') {
            const a = id(o.a);
            const b = id(o.b);
            if (a && b) {
              const c = connect(d, a, b);
              if (c.ok) d = c.design;
            }
          } else if (o.t === 'remove') {
            const a = id(o.a);
            if (a) d = removeElements(d, [a]);
          } else {
            const a = id(o.a);
            const b = id(o.b);
            if (a && b) d = paste(d, copySelection(d, [a, b])).design;
          }
        }
        const r = readDesign(d);
        if (!r.ok) throw new Error(r.message);
      }),
      { numRuns: 200 },
    );
  });
});

describe('history', () => {
  it('undoes and redoes committed steps only', () => {
    let h = startHistory(1);
    h = commit(h, 2);
    h = replacePresent(h, 3); // a drag frame: not a step
    h = commit(h, 4);
    expect(h.past).toEqual([1, 3]);
    h = undo(h);
    expect(h.present).toBe(3);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(3);
    h = commit(h, 9);
    expect(h.future).toEqual([]);
  });

  it('is bounded', () => {
    let h = startHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 50; i++) h = commit(h, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0]).toBe(50);
  });
});

describe('field validation', () => {
  it('gives a reason for bad values', () => {
    expect(validateParam('maxBatch', 0)).toBe('maxBatch must be at least 1');
    expect(validateParam('maxBatch', 2.5)).toBe('maxBatch must be a whole number');
    expect(validateParam('serviceCv', 0.5)).toBeNull();
    expect(validateEdgeField('hitRatio', 1.5)).toBe('hitRatio must be between 0 and 1');
    expect(validateWorkloadField('rps', -3)).toBe('rps must be above 0');
  });

  it('parses typed numbers', () => {
    expect(parseNumberInput(' 1,200 ')).toEqual({ ok: true, value: 1200 });
    expect(parseNumberInput('')).toEqual({ ok: true, value: undefined });
    expect(parseNumberInput('12ms')).toMatchObject({ ok: false });
  });
});

describe('auto layout', async () => {
  const { autoLayout, fillMissingPositions, NODE_WIDTH } = await import('../../../src/domain/design/layout.ts');
  it('lays a chain out left to right without overlaps', () => {
    const { d, ids } = threeTier();
    const pos = autoLayout(d);
    const xs = ids.map((id) => pos.get(id)!.x);
    for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThanOrEqual(NODE_WIDTH);
  });
  it('finds a free spot next to existing boxes', async () => {
    const { freeSpot, NODE_HEIGHT } = await import('../../../src/domain/design/layout.ts');
    expect(freeSpot([], { x: 5, y: 5 })).toEqual({ x: 5, y: 5 });
    const taken = [{ position: { x: 0, y: 0 } }, { position: { x: 0, y: NODE_HEIGHT + 40 } }];
    expect(freeSpot(taken, { x: 10, y: 10 })).toEqual({ x: 10, y: 10 + 2 * (NODE_HEIGHT + 40) });
  });
  it('fills positions only where missing', () => {
    const { d } = threeTier();
    const partial = { ...d, nodes: d.nodes.map((n, i) => (i === 0 ? n : { id: n.id, kind: n.kind })) };
    const filled = fillMissingPositions(partial);
    expect(filled.nodes[0]).toBe(partial.nodes[0]);
    expect(filled.nodes.every((n) => n.position)).toBe(true);
  });
});

describe('sameCapacityInput', async () => {
  const { sameCapacityInput } = await import('../../../src/domain/design/sameContent.ts');
  it('ignores moves, notices every content edit', () => {
    const { d, ids } = threeTier();
    expect(sameCapacityInput(d, moveNodes(d, new Map([[ids[1]!, { x: 999, y: 1 }]])))).toBe(true);
    expect(sameCapacityInput(d, updateNode(d, ids[1]!, { replicas: 2 }))).toBe(false);
    expect(sameCapacityInput(d, updateNode(d, ids[3]!, { params: { maxBatch: 8 } }))).toBe(false);
    expect(sameCapacityInput(d, setWorkload(d, { rps: 5 }))).toBe(false);
    expect(sameCapacityInput(d, removeElements(d, [], [edgeKey(d.edges[0]!)]))).toBe(false);
  });
});

describe('autoLayout with ids that are Object keys', () => {
  it('places "__proto__" and "toString" like any other node', async () => {
    const { autoLayout } = await import('../../../src/domain/design/layout.ts');
    const d = { format: 'mlsd-design' as const, version: 1 as const, name: 'x', workload: { rps: 1 }, nodes: [{ id: '__proto__', kind: 'client' }, { id: 'toString', kind: 'api-gateway' }, { id: 'constructor', kind: 'cache' }], edges: [{ from: '__proto__', to: 'toString' }, { from: 'toString', to: 'constructor' }] };
    const pos = autoLayout(d);
    const xs = ['__proto__', 'toString', 'constructor'].map((id) => pos.get(id)?.x);
    expect(xs.every((x) => Number.isFinite(x))).toBe(true);
    expect(xs[0]!).toBeLessThan(xs[1]!);
    expect(xs[1]!).toBeLessThan(xs[2]!);
  });
});
