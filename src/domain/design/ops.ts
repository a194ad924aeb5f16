import { getKind } from '../catalog/components.ts';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type DesignEdge, type DesignNode, type NodeParams, type Position, type Workload } from './schema.ts';

/** Pure editing operations on a Design. Each returns a new Design and never mutates its input. */

export const DEFAULT_WORKLOAD: Workload = { rps: 100, peakFactor: 2, payloadKb: 4, p99BudgetMs: 200 };

export function emptyDesign(name: string, workload: Workload = DEFAULT_WORKLOAD): Design {
  return { format: DESIGN_FORMAT, version: DESIGN_VERSION, name, workload: { ...workload }, nodes: [], edges: [] };
}

export const edgeKey = (e: Pick<DesignEdge, 'from' | 'to'>): string => `${e.from}->${e.to}`;

/** Ids read like the kind ("cache-2"), so exported files and Mermaid stay legible. */
export function nextNodeId(design: Design, kind: string, taken: ReadonlySet<string> = new Set()): string {
  const used = new Set(design.nodes.map((n) => n.id));
  const base = kind.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 50) || 'node';
  for (let i = 1; ; i++) {
    const id = `${base}-${i}`;
    if (!used.has(id) && !taken.has(id)) return id;
  }
}

export function addNode(design: Design, kind: string, position: Position, label?: string): { design: Design; id: string } {
  if (!getKind(kind)) throw new Error(`unknown component kind "${kind}"`);
  const id = nextNodeId(design, kind);
  const node: DesignNode = { id, kind, position: { x: Math.round(position.x), y: Math.round(position.y) } };
  if (label) node.label = label;
  return { design: { ...design, nodes: [...design.nodes, node] }, id };
}

export function removeElements(design: Design, nodeIds: Iterable<string>, edgeKeys: Iterable<string> = []): Design {
  const dropNodes = new Set(nodeIds);
  const dropEdges = new Set(edgeKeys);
  if (dropNodes.size === 0 && dropEdges.size === 0) return design;
  return {
    ...design,
    nodes: design.nodes.filter((n) => !dropNodes.has(n.id)),
    edges: design.edges.filter((e) => !dropNodes.has(e.from) && !dropNodes.has(e.to) && !dropEdges.has(edgeKey(e))),
  };
}

export type ConnectResult = { ok: true; design: Design } | { ok: false; reason: string };

export function connect(design: Design, from: string, to: string): ConnectResult {
  if (from === to) return { ok: false, reason: 'A component cannot connect to itself.' };
  const ids = new Set(design.nodes.map((n) => n.id));
  if (!ids.has(from) || !ids.has(to)) return { ok: false, reason: 'Both ends must be components of this design.' };
  if (design.edges.some((e) => e.from === from && e.to === to)) return { ok: false, reason: 'These components are already connected.' };
  return { ok: true, design: { ...design, edges: [...design.edges, { from, to }] } };
}

export type NodePatch = { label?: string | undefined; replicas?: number | undefined; params?: Partial<Record<keyof NodeParams, unknown>> };

/** Merge a patch; a field set to undefined is removed so the catalog default applies again. */
export function updateNode(design: Design, id: string, patch: NodePatch): Design {
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      if (n.id !== id) return n;
      const next: DesignNode = { ...n };
      if ('label' in patch) {
        if (patch.label === undefined || patch.label === '') delete next.label;
        else next.label = patch.label;
      }
      if ('replicas' in patch) {
        if (patch.replicas === undefined) delete next.replicas;
        else next.replicas = patch.replicas;
      }
      if (patch.params) {
        const params: Record<string, unknown> = { ...(n.params ?? {}) };
        for (const [k, v] of Object.entries(patch.params)) {
          if (v === undefined) delete params[k];
          else params[k] = v;
        }
        if (Object.keys(params).length === 0) delete next.params;
        else next.params = params as NodeParams;
      }
      return next;
    }),
  };
}

export type EdgePatch = { callsPerRequest?: number | undefined; hitRatio?: number | undefined; label?: string | undefined };

export function updateEdge(design: Design, key: string, patch: EdgePatch): Design {
  return {
    ...design,
    edges: design.edges.map((e) => {
      if (edgeKey(e) !== key) return e;
      const next: Record<string, unknown> = { ...e };
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') delete next[k];
        else next[k] = v;
      }
      return next as unknown as DesignEdge;
    }),
  };
}

export function setWorkload(design: Design, patch: Partial<Record<keyof Workload, number | undefined>>): Design {
  const workload: Record<string, unknown> = { ...design.workload };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete workload[k];
    else workload[k] = v;
  }
  return { ...design, workload: workload as Workload };
}

/** Move nodes; untouched nodes keep their object identity so renderers can skip them. */
export function moveNodes(design: Design, positions: ReadonlyMap<string, Position>): Design {
  if (positions.size === 0) return design;
  return {
    ...design,
    nodes: design.nodes.map((n) => {
      const p = positions.get(n.id);
      return p ? { ...n, position: { x: Math.round(p.x), y: Math.round(p.y) } } : n;
    }),
  };
}

export function renameDesign(design: Design, name: string): Design {
  return { ...design, name };
}

export interface Clipboard {
  nodes: DesignNode[];
  edges: DesignEdge[];
}

/** Copy the selected nodes and the edges between them. */
export function copySelection(design: Design, nodeIds: Iterable<string>): Clipboard {
  const ids = new Set(nodeIds);
  return {
    nodes: design.nodes.filter((n) => ids.has(n.id)).map((n) => structuredClone(n)),
    edges: design.edges.filter((e) => ids.has(e.from) && ids.has(e.to)).map((e) => ({ ...e })),
  };
}

/** Paste with fresh ids, shifted so the copy does not hide the original. */
export function paste(design: Design, clip: Clipboard, offset: Position = { x: 40, y: 40 }): { design: Design; ids: string[] } {
  const rename = new Map<string, string>();
  const taken = new Set<string>();
  const nodes = clip.nodes.map((n) => {
    const id = nextNodeId(design, n.kind, taken);
    taken.add(id);
    rename.set(n.id, id);
    const p = n.position ?? { x: 0, y: 0 };
    return { ...structuredClone(n), id, position: { x: p.x + offset.x, y: p.y + offset.y } };
  });
  const edges = clip.edges.flatMap((e) => {
    const from = rename.get(e.from);
    const to = rename.get(e.to);
    return from && to ? [{ ...e, from, to }] : [];
  });
  return { design: { ...design, nodes: [...design.nodes, ...nodes], edges: [...design.edges, ...edges] }, ids: nodes.map((n) => n.id) };
}

export function nodeLabel(node: DesignNode): string {
  return node.label ?? getKind(node.kind)?.label ?? node.kind;
}
