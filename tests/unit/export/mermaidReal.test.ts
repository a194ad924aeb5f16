import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { getKind } from '../../../src/domain/catalog/components.ts';
import { designToMermaid } from '../../../src/domain/export/mermaidExport.ts';
import { edgeText } from '../../../src/domain/export/mermaidHints.ts';
import { mermaidIds } from '../../../src/domain/export/mermaidIds.ts';
import { mermaidToDesign } from '../../../src/domain/export/mermaidImport.ts';
import { encodeLabel } from '../../../src/domain/export/mermaidText.ts';
import { designArb } from './arbitraries.ts';
import { loadMermaid, unpark, type RealMermaid } from './realMermaid.ts';

const FIXTURES = new URL('../../fixtures/mermaid/', import.meta.url);
let mermaid: RealMermaid;

beforeAll(async () => {
  mermaid = await loadMermaid();
}, 60_000);

describe("exports against Mermaid's own parser", () => {
  it('parse, with the same node ids, labels, links and stage subgraphs', async () => {
    await fc.assert(
      fc.asyncProperty(designArb, async (design) => {
        const text = designToMermaid(design);
        const db = await mermaid.flowchart(text);
        const mids = mermaidIds(design.nodes.map((n) => n.id));
        const groups = new Set(db.getSubGraphs().map((s) => s.id));
        const vertices = db.getVertices();
        expect([...vertices.keys()].filter((k) => !groups.has(k)).sort()).toEqual([...mids.values()].sort());
        for (const n of design.nodes) {
          const shown = n.label ? n.label : getKind(n.kind)!.label;
          expect(unpark(vertices.get(mids.get(n.id)!)!.text ?? '')).toBe(encodeLabel(shown));
        }
        const edges = db.getEdges().map((e) => ({ from: e.start, to: e.end, text: unpark(e.text ?? '') }));
        expect(edges).toEqual(design.edges.map((e) => ({ from: mids.get(e.from), to: mids.get(e.to), text: encodeLabel(edgeText(e.callsPerRequest, e.hitRatio, e.label || undefined)) })));
        const stages = new Set(design.nodes.map((n) => getKind(n.kind)!.stage));
        expect(db.getSubGraphs()).toHaveLength(stages.size);
      }),
      { numRuns: 120 },
    );
  }, 60_000);
});

describe('the fixture corpus', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.mmd'));

  it.each(files)('%s is valid Mermaid', async (file) => {
    await expect(mermaid.parse(readFileSync(new URL(file, FIXTURES), 'utf8'))).resolves.toBeTruthy();
  });

  // Flowcharts only; our own export renames keyword ids through hints, which the property test above covers.
  it.each(files.filter((f) => !f.startsWith('architecture') && f !== 'mlsd-export.mmd'))('%s imports to the nodes and links Mermaid itself sees', async (file) => {
    const text = readFileSync(new URL(file, FIXTURES), 'utf8');
    const db = await mermaid.flowchart(text);
    const groups = new Set(db.getSubGraphs().map((s) => s.id));
    const theirNodes = [...db.getVertices().keys()].filter((k) => !groups.has(k)).sort();
    // A design has no invisible links, self-loops, links to subgraphs or repeated links.
    const theirEdges = [...new Set(db.getEdges().filter((e) => e.stroke !== 'invisible' && e.start !== e.end && !groups.has(e.start) && !groups.has(e.end)).map((e) => `${e.start}>${e.end}`))].sort();
    const ours = mermaidToDesign(text);
    if (!ours.ok) throw new Error(`line ${ours.line}: ${ours.message}`);
    expect(ours.design.nodes.map((n) => n.id).sort()).toEqual(theirNodes);
    expect(ours.design.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(theirEdges);
  });
});
