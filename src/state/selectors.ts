import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { nodeLabel } from '../domain/design/ops.ts';
import type { DesignNode } from '../domain/design/schema.ts';
import { useWorkspace } from './workspaceStore.ts';

/**
 * Narrow subscriptions for panels beside the canvas. A drag replaces the design every frame, so panels select
 * only values that a move leaves unchanged (ids, labels, the workload object), and do not re-render while dragging.
 */
export function useNodeById(id: string | undefined): DesignNode | undefined {
  // A drag replaces the dragged node every frame with only its position changed; the inspector shows no position,
  // so hand back the previous object and let it skip those renders.
  const last = useRef<DesignNode | undefined>(undefined);
  return useWorkspace((s) => {
    const n = id ? s.history?.present.nodes.find((x) => x.id === id) : undefined;
    const prev = last.current;
    if (prev && n && prev !== n && samePlacelessNode(prev, n)) return prev;
    last.current = n;
    return n;
  });
}

/** Equal in everything but position (moveNodes keeps the other fields' objects). */
function samePlacelessNode(a: DesignNode, b: DesignNode): boolean {
  return a.id === b.id && a.kind === b.kind && a.label === b.label && a.replicas === b.replicas && a.params === b.params;
}

/** [id, label] pairs of all components, stable across moves. */
export function useNodeNames(): [string, string][] {
  const flat = useWorkspace(useShallow((s) => (s.history?.present.nodes ?? []).flatMap((n) => [n.id, nodeLabel(n)])));
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}

/** One component's display name (a string, so moves never re-render the caller). */
export const useNodeName = (id: string | null | undefined): string | undefined =>
  useWorkspace((s) => {
    const n = id ? s.history?.present.nodes.find((x) => x.id === id) : undefined;
    return n ? nodeLabel(n) : undefined;
  });

export const useEdges = () => useWorkspace((s) => s.history?.present.edges ?? EMPTY);
export const useWorkload = () => useWorkspace((s) => s.history?.present.workload);
export const useDesignName = () => useWorkspace((s) => s.history?.present.name ?? '');
export const useNodeCount = () => useWorkspace((s) => s.history?.present.nodes.length ?? 0);

const EMPTY: never[] = [];
