import dagre from '@dagrejs/dagre';
import type { Design, Position } from './schema.ts';

/** Size of a component box on the canvas; layout and the renderer agree on it. */
export const NODE_WIDTH = 184;
export const NODE_HEIGHT = 64;

/** Left-to-right layered layout: requests flow the way people read. Returns top-left positions. */
export function autoLayout(design: Design, opts: { rankSep?: number; nodeSep?: number } = {}): Map<string, Position> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', ranksep: opts.rankSep ?? 80, nodesep: opts.nodeSep ?? 52, marginx: 20, marginy: 20 });
  g.setDefaultEdgeLabel(() => ({}));
  // dagre keeps nodes in plain objects: ids such as "__proto__" or "toString" would collide with Object's own
  // keys, so it sees stand-in keys instead.
  const key = new Map(design.nodes.map((n, i) => [n.id, `n${i}`]));
  for (const n of design.nodes) g.setNode(key.get(n.id)!, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of design.edges) if (key.has(e.from) && key.has(e.to)) g.setEdge(key.get(e.from)!, key.get(e.to)!);
  dagre.layout(g);
  const out = new Map<string, Position>();
  for (const n of design.nodes) {
    const p = g.node(key.get(n.id)!) as { x: number; y: number } | undefined;
    if (p) out.set(n.id, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
  }
  return out;
}

/** Grid position for nodes that have none (e.g. an imported file without positions). */
export function fillMissingPositions(design: Design): Design {
  if (design.nodes.every((n) => n.position)) return design;
  const laid = autoLayout(design);
  return { ...design, nodes: design.nodes.map((n) => (n.position ? n : { ...n, position: laid.get(n.id) ?? { x: 0, y: 0 } })) };
}

/** The first place near `want` where a new box overlaps no existing one: down the column, then the next column. */
export function freeSpot(nodes: readonly { position?: Position | undefined }[], want: Position): Position {
  const gapX = NODE_WIDTH + 40;
  const gapY = NODE_HEIGHT + 40;
  const overlaps = (p: Position) => nodes.some((n) => n.position && Math.abs(n.position.x - p.x) < NODE_WIDTH && Math.abs(n.position.y - p.y) < NODE_HEIGHT);
  for (let col = 0; col < 20; col++) {
    for (let row = 0; row < 6; row++) {
      const p = { x: want.x + col * gapX, y: want.y + row * gapY };
      if (!overlaps(p)) return p;
    }
  }
  return want;
}
