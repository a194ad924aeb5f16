import { create } from 'zustand';
import { estimateDesign, type DesignEstimate } from '../domain/capacity/index.ts';
import { sameCapacityInput } from '../domain/design/sameContent.ts';
import type { Design } from '../domain/design/schema.ts';
import { useWorkspace } from './workspaceStore.ts';
import { useProfiles } from './profilesStore.ts';
import { capacityProfiles } from '../domain/calibration/forDesign.ts';
import type { Profile } from '../domain/capacity/roofline.ts';

interface EstimateState {
  /** What-if multiplier on the design's peak load (the slider). */
  loadMultiplier: number;
  estimate: DesignEstimate | null;
  error: string | null;
  /** The design the estimate was computed for. */
  input: Design | null;
  /** Calibrations the estimate used (model servers on "this device"); charts and the simulator pass the same. */
  profiles: Record<string, Profile>;
}

export const useEstimate = create<EstimateState>(() => ({ loadMultiplier: 1, estimate: null, error: null, input: null, profiles: {} }));

function recompute(design: Design | null): void {
  if (!design) return useEstimate.setState({ estimate: null, input: null, error: null });
  try {
    const profiles = capacityProfiles(design, useProfiles.getState().profiles);
    const estimate = estimateDesign(design, { loadMultiplier: useEstimate.getState().loadMultiplier, profiles });
    useEstimate.setState({ estimate, input: design, error: null, profiles });
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

// A new or deleted calibration changes the numbers of nodes that use it.
useProfiles.subscribe(() => recompute(useWorkspace.getState().history?.present ?? null));
