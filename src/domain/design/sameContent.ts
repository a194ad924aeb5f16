import type { Design, DesignNode } from './schema.ts';

function sameNode(a: DesignNode, b: DesignNode): boolean {
  // Edit ops keep `params` by reference unless they change it, so a reference check is exact and O(1).
  return a === b || (a.id === b.id && a.kind === b.kind && a.replicas === b.replicas && a.params === b.params && a.label === b.label);
}

/**
 * True when two designs differ at most in node positions or name: the capacity estimate of one holds for the other.
 * Lets the app skip re-estimating on every frame of a drag.
 */
export function sameCapacityInput(a: Design, b: Design): boolean {
  if (a === b) return true;
  if (a.workload !== b.workload || a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) if (!sameNode(a.nodes[i]!, b.nodes[i]!)) return false;
  return true;
}
