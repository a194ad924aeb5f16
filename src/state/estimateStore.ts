import { create } from 'zustand';
import { estimateDesign, type DesignEstimate } from '../domain/capacity/index.ts';
import { sameCapacityInput } from '../domain/design/sameContent.ts';
import type { Design } from '../domain/design/schema.ts';
import { useWorkspace } from './workspaceStore.ts';

interface EstimateState {
  /** What-if multiplier on the design's peak load (the slider). */
  loadMultiplier: number;
  estimate: DesignEstimate | null;
  error: string | null;
  /** The design the estimate was computed for. */
  input: Design | null;
}

export const useEstimate = create<EstimateState>(() => ({ loadMultiplier: 1, estimate: null, error: null, input: null }));

function recompute(design: Design | null): void {
  if (!design) return useEstimate.setState({ estimate: null, input: null, error: null });
  try {
    const estimate = estimateDesign(design, { loadMultiplier: useEstimate.getState().loadMultiplier });
    useEstimate.setState({ estimate, input: design, error: null });
  } catch (err) {
    // The engine should not throw on a valid design; if it does, say so instead of showing stale numbers.
    useEstimate.setState({ estimate: null, input: design, error: err instanceof Error ? err.message : String(err) });
  }
}

export function setLoadMultiplier(m: number): void {
  useEstimate.setState({ loadMultiplier: m });
  recompute(useWorkspace.getState().history?.present ?? null);
}

// Re-estimate whenever capacity inputs change; moves (drag frames) do not count.
useWorkspace.subscribe((s) => {
  const d = s.history?.present ?? null;
  const prev = useEstimate.getState().input;
  if (d && prev && sameCapacityInput(prev, d)) return;
  if (!d) useEstimate.setState({ loadMultiplier: 1 });
  recompute(d);
});
