import { describe, expect, it } from 'vitest';
import { describeDiff, diffContent } from '../../../src/domain/history/diff.ts';
import { diffDesigns } from '../../../src/domain/history/diffDesign.ts';
import { diffLines } from '../../../src/domain/history/diffText.ts';
import { asDesign, asDoc, chain, doc, node } from './fixtures.ts';

describe('design diff', () => {
  it('counts nodes added, removed, changed and moved, and edges added, removed and changed', () => {
    const a = chain(4);
    const b = {
      ...a,
      nodes: [
        { ...a.nodes[0]!, replicas: 3 }, // changed
        { ...a.nodes[1]!, position: { x: 999, y: 5 } }, // moved only
        a.nodes[2]!, // same
        // n3 removed
        node('x1'),
        node('x2'),
      ],
      edges: [{ ...a.edges[0]!, callsPerRequest: 2 }, a.edges[1]!, { from: 'x1', to: 'x2' }],
    };
    expect(diffDesigns(a, b)).toEqual({ nodesAdded: 2, nodesRemoved: 1, nodesChanged: 1, nodesMoved: 1, edgesAdded: 1, edgesRemoved: 1, edgesChanged: 1, workloadChanged: false, renamed: false });
  });

  it('sees workload and name changes; key order does not matter', () => {
    const a = chain(2);
    const b = { ...chain(2, 'E'), workload: { rps: 200 } };
    expect(diffDesigns(a, b)).toMatchObject({ workloadChanged: true, renamed: true, nodesChanged: 0 });
    const reordered = { ...a, nodes: a.nodes.map((n) => ({ position: n.position, kind: n.kind, id: n.id })) };
    expect(describeDiff(diffContent(asDesign(a), asDesign(reordered))!)).toBe('Same as now');
  });

  it('describes a design change in one line', () => {
    const a = chain(2);
    const b = chain(4);
    expect(describeDiff(diffContent(asDesign(a), asDesign(b))!)).toBe('components: 2 added; connections: 2 added');
    expect(describeDiff(diffContent(asDesign(b), asDesign({ ...a, name: 'Z' }))!)).toBe('components: 2 removed; connections: 2 removed; renamed');
  });
});

describe('text diff', () => {
  it('counts lines added and removed around a common head and tail', () => {
    expect(diffLines('a\nb\nc', 'a\nb\nc')).toEqual({ linesAdded: 0, linesRemoved: 0 });
    expect(diffLines('a\nb\nc', 'a\nX\nY\nc')).toEqual({ linesAdded: 2, linesRemoved: 1 });
    expect(diffLines('', 'one\ntwo')).toEqual({ linesAdded: 2, linesRemoved: 1 });
    expect(diffLines('a\nb\nc\nd', 'a\nd')).toEqual({ linesAdded: 0, linesRemoved: 2 });
    // Repeated lines count as many times as they occur.
    expect(diffLines('x\nx\nx', 'x')).toEqual({ linesAdded: 0, linesRemoved: 2 });
  });

  it('handles a large doc quickly (linear)', () => {
    const big = Array.from({ length: 50_000 }, (_, i) => `line ${i}`).join('\n');
    const edited = big.replace('line 25000', 'changed');
    const t = performance.now();
    expect(diffLines(big, edited)).toEqual({ linesAdded: 1, linesRemoved: 1 });
    expect(performance.now() - t).toBeLessThan(1000);
  });

  it('describes a doc change: lines, title, attached design; timestamps are not content', () => {
    const a = doc('# A\nold\n');
    expect(describeDiff(diffContent(asDoc(a), asDoc(doc('# A\nnew\nmore\n', { title: 'T2' })))!)).toBe('2 lines added, 1 removed; title changed');
    expect(describeDiff(diffContent(asDoc(a), asDoc({ ...a, updatedAt: 99 }))!)).toBe('Same as now');
    expect(describeDiff(diffContent(asDoc(a), asDoc({ ...a, designId: 'd9' }))!)).toBe('attached design changed');
    expect(diffContent(asDoc(a), asDesign(chain(1)))).toBeNull();
  });
});
