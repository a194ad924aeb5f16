import { buildFlow } from '../capacity/flow.ts';
import type { DesignEstimate, NodeEstimate } from '../capacity/types.ts';
import { getKind } from '../catalog/components.ts';
import type { Design } from '../design/schema.ts';

export interface PathNode {
  id: string;
  label: string;
  /** The client waits for it (sync and reached through sync calls); async side calls are not waited for. */
  waited: boolean;
  est: NodeEstimate;
}

/**
 * Names a reader recognises: the node's label, else its component name. When two nodes would read the same,
 * the id is added so table rows stay distinguishable.
 */
export function displayLabels(design: Design): Map<string, string> {
  const base = new Map(design.nodes.map((n) => [n.id, n.label?.trim() || getKind(n.kind)?.label || n.id]));
  const seen = new Map<string, number>();
  for (const l of base.values()) seen.set(l, (seen.get(l) ?? 0) + 1);
  return new Map([...base].map(([id, l]) => [id, (seen.get(l) ?? 0) > 1 && l !== id ? `${l} (${id})` : l]));
}

/**
 * Nodes that take request traffic, in request order (topological), marking those whose latency the client waits
 * for — the same walk capacity/endToEnd.ts makes: from the entries along calls that happen, never into async nodes.
 */
export function requestPath(design: Design, estimate: DesignEstimate): PathNode[] {
  const flow = buildFlow(design);
  const waited = new Set<string>();
  const stack = flow.entries.map((e) => e.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (waited.has(id)) continue;
    waited.add(id);
    for (const e of flow.children.get(id) ?? []) if (e.calls > 0 && flow.roles.get(e.to) !== 'async') stack.push(e.to);
  }
  const labels = displayLabels(design);
  const out: PathNode[] = [];
  for (const id of flow.order) {
    const est = estimate.nodes[id];
    if (!est || est.role === 'source' || est.role === 'offline' || !(est.arrivalRps > 0)) continue;
    out.push({ id, label: labels.get(id) ?? id, waited: waited.has(id) && est.role !== 'async', est });
  }
  return out;
}
