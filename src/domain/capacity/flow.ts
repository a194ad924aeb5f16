import { getKind, type FlowRole } from '../catalog/components.ts';
import type { Design, DesignEdge } from '../design/schema.ts';

export interface FlowEdge {
  from: string;
  to: string;
  key: string;
  /** Calls per visit of `from` after cache hits: callsPerRequest × (1 − hitRatio). */
  calls: number;
}

export interface Flow {
  roles: Map<string, FlowRole>;
  /** Where requests enter, with their share of the load (split evenly). */
  entries: { id: string; share: number }[];
  /** Edges that carry requests: both ends take traffic and the edge is not a dropped back edge. */
  edges: FlowEdge[];
  /** Out-edges per node, in design order. */
  children: Map<string, FlowEdge[]>;
  /** Back edges removed to make routing acyclic, as "from → to". */
  dropped: string[];
  /** Visits per request entering the design (arrival rate = load × visits). */
  visits: Map<string, number>;
  /** Topological order of the nodes that take traffic. */
  order: string[];
  warnings: string[];
}

export const edgeCalls = (e: Pick<DesignEdge, 'callsPerRequest' | 'hitRatio'>): number =>
  (e.callsPerRequest ?? 1) * (1 - (e.hitRatio ?? 0));

/**
 * Traffic through the design, as visit ratios (not hand-typed rates). Offline nodes take no request traffic.
 * Entries are the client (source) nodes, or else the nodes nobody calls. A depth-first search from the entries
 * finds the back edges of cycles; they are dropped, and named in a warning.
 */
export function buildFlow(design: Design): Flow {
  const warnings: string[] = [];
  const roles = new Map<string, FlowRole>();
  for (const n of design.nodes) roles.set(n.id, getKind(n.kind)?.role ?? 'sync');
  const live = design.nodes.filter((n) => roles.get(n.id) !== 'offline').map((n) => n.id);
  const liveSet = new Set(live);
  const candidate = design.edges.filter((e) => liveSet.has(e.from) && liveSet.has(e.to) && roles.get(e.to) !== 'source');
  const out = new Map<string, DesignEdge[]>(live.map((id) => [id, []]));
  for (const e of candidate) out.get(e.from)!.push(e);

  const sources = live.filter((id) => roles.get(id) === 'source');
  const hasIncoming = new Set(candidate.map((e) => e.to));
  let entryIds = sources.length > 0 ? sources : live.filter((id) => !hasIncoming.has(id));
  if (entryIds.length === 0 && live.length > 0) {
    entryIds = [live[0]!];
    warnings.push(`Every component is called by another (a cycle); treating "${live[0]}" as where requests enter.`);
  }

  // Iterative DFS (designs can be deep): an edge to a node still on the stack closes a cycle.
  const state = new Map<string, 1 | 2>();
  const droppedKeys = new Set<string>();
  const dfs = (root: string) => {
    if (state.has(root)) return;
    state.set(root, 1);
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = out.get(top.id)!;
      if (top.i >= edges.length) {
        state.set(top.id, 2);
        stack.pop();
        continue;
      }
      const e = edges[top.i++]!;
      const s = state.get(e.to);
      if (s === 1) droppedKeys.add(`${e.from}->${e.to}`);
      else if (s === undefined) {
        state.set(e.to, 1);
        stack.push({ id: e.to, i: 0 });
      }
    }
  };
  entryIds.forEach(dfs);
  const reached = new Set(state.keys());
  live.forEach(dfs); // unreached parts may hold cycles too; the network must be acyclic everywhere

  const dropped = [...droppedKeys].map((k) => k.replace('->', ' → '));
  if (dropped.length > 0) warnings.push(`Cycle: ignored the back edge${dropped.length > 1 ? 's' : ''} ${dropped.join(', ')} (requests cannot loop).`);

  const edges: FlowEdge[] = candidate
    .filter((e) => !droppedKeys.has(`${e.from}->${e.to}`))
    .map((e) => ({ from: e.from, to: e.to, key: `${e.from}->${e.to}`, calls: edgeCalls(e) }));
  const children = new Map<string, FlowEdge[]>(live.map((id) => [id, []]));
  for (const e of edges) children.get(e.from)!.push(e);

  // Kahn's order over the now acyclic graph.
  const indeg = new Map<string, number>(live.map((id) => [id, 0]));
  for (const e of edges) indeg.set(e.to, indeg.get(e.to)! + 1);
  const order: string[] = [];
  const ready = live.filter((id) => indeg.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const e of children.get(id)!) {
      indeg.set(e.to, indeg.get(e.to)! - 1);
      if (indeg.get(e.to) === 0) ready.push(e.to);
    }
  }

  const share = entryIds.length > 0 ? 1 / entryIds.length : 0;
  const visits = new Map<string, number>(design.nodes.map((n) => [n.id, 0]));
  for (const id of entryIds) visits.set(id, share);
  for (const id of order) {
    const v = visits.get(id)!;
    if (v > 0) for (const e of children.get(id)!) visits.set(e.to, visits.get(e.to)! + v * e.calls);
  }

  const idle = live.filter((id) => !reached.has(id) && roles.get(id) !== 'source');
  if (idle.length > 0) warnings.push(`No requests reach ${idle.map((i) => `"${i}"`).join(', ')}: connect ${idle.length > 1 ? 'them' : 'it'} to the request path.`);

  return { roles, entries: entryIds.map((id) => ({ id, share })), edges, children, dropped, visits, order, warnings };
}
