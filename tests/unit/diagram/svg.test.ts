import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designToSvg } from '../../../src/domain/diagram/svg.ts';
import { NODE_HEIGHT, NODE_WIDTH } from '../../../src/domain/design/layout.ts';
import type { Design } from '../../../src/domain/design/schema.ts';

const design: Design = {
  format: 'mlsd-design', version: 1, name: 'A <b>"quoted"</b> & design',
  workload: { rps: 10 },
  nodes: [
    { id: 'c', kind: 'client', label: '<script>alert(1)</script>', position: { x: 0, y: 0 } },
    { id: 'cache', kind: 'cache', position: { x: 300, y: 100 } },
    { id: 'm', kind: 'model-server', replicas: 3, position: { x: 600, y: 0 } },
  ],
  edges: [{ from: 'c', to: 'cache' }, { from: 'cache', to: 'm', hitRatio: 0.8 }],
};

describe('designToSvg', () => {
  it('is sized to the boxes as placed on the canvas, plus a margin', () => {
    const r = designToSvg(design);
    expect(r.width).toBe(600 + NODE_WIDTH + 48);
    expect(r.height).toBe(100 + NODE_HEIGHT + 48);
    expect(r.svg).toContain(`width="${r.width}" height="${r.height}"`);
    expect(r.svg.match(/<g transform/g)).toHaveLength(3);
    expect(r.svg.match(/marker-end/g)).toHaveLength(2);
    expect(r.svg).toContain('hit 80%');
    expect(r.svg).toContain('Model server × 3');
  });

  it('escapes labels: no markup from a label reaches the file', () => {
    const r = designToSvg(design);
    expect(r.svg).not.toContain('<script');
    expect(r.svg).toContain('&lt;script&gt;');
    expect(r.svg).toContain('<title>A &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; design</title>');
  });

  it('lays out a design without positions and draws every scenario reference design', () => {
    const s = JSON.parse(readFileSync('scenarios/fraud-detection.scenario.json', 'utf8'));
    const r = designToSvg(s.referenceDesign, 'dark');
    expect(r.svg.match(/<g transform/g)).toHaveLength(s.referenceDesign.nodes.length);
    const bare = designToSvg({ ...design, nodes: design.nodes.map(({ position: _p, ...n }) => n) });
    expect(bare.width).toBeGreaterThan(NODE_WIDTH);
  });
});
