import { NODE_HEIGHT, NODE_WIDTH } from '../../domain/design/layout.ts';
import type { Design } from '../../domain/design/schema.ts';

/**
 * One SVG path for every connection, in flow coordinates: a stepped line from the right side of the source to the
 * left side of the target. Far out, each edge as its own React Flow component costs a store subscription and a
 * position computation per drag frame (300 edges: most of the frame); one path costs one string.
 */
export function farEdgesPath(design: Pick<Design, 'nodes' | 'edges'>, keep: (e: Design['edges'][number]) => boolean = () => true): string {
  const pos = new Map(design.nodes.map((n) => [n.id, n.position ?? { x: 0, y: 0 }]));
  let d = '';
  for (const e of design.edges) {
    if (!keep(e)) continue;
    const s = pos.get(e.from);
    const t = pos.get(e.to);
    if (!s || !t) continue;
    const x1 = s.x + NODE_WIDTH;
    const y1 = s.y + NODE_HEIGHT / 2;
    const x2 = t.x;
    const y2 = t.y + NODE_HEIGHT / 2;
    const mid = Math.round((x1 + x2) / 2);
    d += `M${x1} ${y1}H${mid}V${y2}H${x2}`;
  }
  return d;
}
