import type { Design, DesignEdge, DesignNode } from '../design/schema.ts';
import { sameJson } from './content.ts';

/** What changed from design `a` (older) to design `b` (newer). Nodes match by id, connections by from→to. */
export interface DesignDiff {
  nodesAdded: number;
  nodesRemoved: number;
  /** Kind, label, replicas or parameters differ. */
  nodesChanged: number;
  /** Only the position differs: a layout change, not a change to the system. */
  nodesMoved: number;
  edgesAdded: number;
  edgesRemoved: number;
  edgesChanged: number;
  workloadChanged: boolean;
  renamed: boolean;
}

const edgeKey = (e: DesignEdge) => `${e.from}\u0000${e.to}`;

function withoutPosition(n: DesignNode): Omit<DesignNode, 'position'> {
  const { position: _position, ...rest } = n;
  return rest;
}

export function diffDesigns(a: Design, b: Design): DesignDiff {
  const d: DesignDiff = { nodesAdded: 0, nodesRemoved: 0, nodesChanged: 0, nodesMoved: 0, edgesAdded: 0, edgesRemoved: 0, edgesChanged: 0, workloadChanged: !sameJson(a.workload, b.workload), renamed: a.name !== b.name };
  const before = new Map(a.nodes.map((n) => [n.id, n]));
  for (const n of b.nodes) {
    const old = before.get(n.id);
    if (!old) d.nodesAdded++;
    else if (!sameJson(withoutPosition(old), withoutPosition(n))) d.nodesChanged++;
    else if (!sameJson(old.position, n.position)) d.nodesMoved++;
    before.delete(n.id);
  }
  d.nodesRemoved = before.size;
  const edges = new Map(a.edges.map((e) => [edgeKey(e), e]));
  for (const e of b.edges) {
    const old = edges.get(edgeKey(e));
    if (!old) d.edgesAdded++;
    else if (!sameJson(old, e)) d.edgesChanged++;
    edges.delete(edgeKey(e));
  }
  d.edgesRemoved = edges.size;
  return d;
}

/** Changes to the system itself (moves excluded): what the snapshot policy weighs. */
export function designChangeCount(d: DesignDiff): number {
  return d.nodesAdded + d.nodesRemoved + d.nodesChanged + d.edgesAdded + d.edgesRemoved + d.edgesChanged;
}

export const designDiffIsEmpty = (d: DesignDiff): boolean => designChangeCount(d) === 0 && d.nodesMoved === 0 && !d.workloadChanged && !d.renamed;
