import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getKind } from '../../../src/domain/catalog/components.ts';
import type { Design } from '../../../src/domain/design/schema.ts';
import { designToMermaid } from '../../../src/domain/export/mermaidExport.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import { designArb } from './arbitraries.ts';

/** What an export keeps: ids, kinds, labels (the catalog name counts as no label), edges with their numbers. */
function essence(d: Design) {
  const label = (text: string | undefined, kind?: string) => (text === undefined || text === '' || (kind !== undefined && text === getKind(kind)?.label) ? undefined : text);
  return {
    name: d.name,
    nodes: d.nodes.map((n) => ({ id: n.id, kind: n.kind, label: label(n.label, n.kind) })).sort((a, b) => a.id.localeCompare(b.id)),
    edges: d.edges.map((e) => ({ from: e.from, to: e.to, callsPerRequest: e.callsPerRequest, hitRatio: e.hitRatio, label: label(e.label) })),
  };
}

describe('Mermaid round trip', () => {
  it('imports an export back to the same ids, kinds, labels and edges, without warnings', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const text = designToMermaid(design);
        const back = mermaidToDesign(text);
        if (!back.ok) throw new Error(`line ${back.line}: ${back.message}\n${text}`);
        expect(back.warnings).toEqual(design.nodes.length === 0 ? ['the diagram has no nodes'] : []);
        expect(essence(back.design)).toEqual(essence(design));
        expect(back.design.nodes.every((n) => n.position)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: exporting the import gives the same text', () => {
    fc.assert(
      fc.property(designArb, (design) => {
        const text = designToMermaid(design);
        const back = mermaidToDesign(text);
        if (!back.ok) throw new Error(back.message);
        const byId = new Map(design.nodes.map((n, i) => [n.id, i]));
        // Export order follows the design's node order; put the import back in it before comparing.
        const reordered = { ...back.design, nodes: [...back.design.nodes].sort((a, b) => byId.get(a.id)! - byId.get(b.id)!) };
        expect(designToMermaid(reordered)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
