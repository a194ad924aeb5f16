import type { Edge, Node } from '@xyflow/react';
import type { Design, DesignEdge, DesignNode } from '../../domain/design/schema.ts';
import { edgeKey } from '../../domain/design/ops.ts';

export type ComponentNodeData = { node: DesignNode };
export type FlowNode = Node<ComponentNodeData, 'component'>;

interface CacheEntry {
  src: DesignNode;
  selected: boolean;
  hidden: boolean;
  width: number | undefined;
  height: number | undefined;
  out: FlowNode;
}

/**
 * Turns the design into xyflow nodes, reusing the previous object for every node whose design node,
 * selection and size did not change. During a drag only the dragged node is new, so only it re-renders:
 * that is what keeps 300-node designs under a frame per drag step.
 */
export class FlowNodeCache {
  private entries = new Map<string, CacheEntry>();
  readonly measured = new Map<string, { width: number; height: number }>();

  /** far: the zoomed-out level of detail, where only selected boxes are React Flow nodes (FarNodes draws the rest). */
  build(design: Design, selected: ReadonlySet<string>, far = false): FlowNode[] {
    const next = new Map<string, CacheEntry>();
    const out = design.nodes.map((n) => {
      const sel = selected.has(n.id);
      const m = this.measured.get(n.id);
      const prev = this.entries.get(n.id);
      const hidden = far && !sel;
      if (prev && prev.src === n && prev.selected === sel && prev.hidden === hidden && prev.width === m?.width && prev.height === m?.height) {
        next.set(n.id, prev);
        return prev.out;
      }
      const node: FlowNode = { id: n.id, type: 'component', position: n.position ?? { x: 0, y: 0 }, data: { node: n }, selected: sel, ariaLabel: undefined };
      if (hidden) node.hidden = true;
      if (m) node.measured = m;
      next.set(n.id, { src: n, selected: sel, hidden, width: m?.width, height: m?.height, out: node });
      return node;
    });
    this.entries = next;
    return out;
  }
}

export function edgeLabel(e: DesignEdge, rps?: string): string | undefined {
  const parts: string[] = [];
  if (rps) parts.push(rps);
  if (e.label) parts.push(e.label);
  if (e.callsPerRequest !== undefined && e.callsPerRequest !== 1) parts.push(`×${e.callsPerRequest}`);
  if (e.hitRatio !== undefined && e.hitRatio > 0) parts.push(`${Math.round(e.hitRatio * 100)}% hit`);
  return parts.length ? parts.join(' · ') : undefined;
}

export class FlowEdgeCache {
  private entries = new Map<string, { src: DesignEdge; selected: boolean; rate: string | undefined; labels: boolean; out: Edge }>();

  /** `rates` maps edge ids to a formatted request rate shown on the edge. */
  build(design: Pick<Design, 'edges'>, selected: ReadonlySet<string>, rates?: (id: string) => string | undefined, labels = true): Edge[] {
    const next = new Map<string, { src: DesignEdge; selected: boolean; rate: string | undefined; labels: boolean; out: Edge }>();
    const out = design.edges.map((e) => {
      const id = edgeKey(e);
      const sel = selected.has(id);
      const rate = rates?.(id);
      const prev = this.entries.get(id);
      if (prev && prev.src === e && prev.selected === sel && prev.rate === rate && prev.labels === labels) {
        next.set(id, prev);
        return prev.out;
      }
      const label = labels ? edgeLabel(e, rate) : undefined;
      const edge: Edge = { id, source: e.from, target: e.to, selected: sel, type: 'smoothstep', ariaLabel: `Connection from ${e.from} to ${e.to}` };
      if (label) edge.label = label;
      next.set(id, { src: e, selected: sel, rate, labels, out: edge });
      return edge;
    });
    this.entries = next;
    return out;
  }
}
