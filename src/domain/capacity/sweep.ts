import type { Design } from '../design/schema.ts';
import { estimateDesign } from './estimate.ts';
import type { EstimateOptions } from './types.ts';

/** The what-if slider's multipliers of the design load (×0.5 … ×10, denser near ×1). */
export const SWEEP_MULTIPLIERS = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4, 5, 6, 8, 10] as const;

export interface SweepPoint {
  multiplier: number;
  loadRps: number;
  /** With the replicas as drawn; null once something on the path saturates. */
  meanMs: number | null;
  p99Ms: number | null;
  saturated: boolean;
  bottleneck: string | null;
  /** Monthly cost as drawn. */
  costUsd: number;
  /** Monthly cost if every node had the replicas it needs at this load. */
  costScaledUsd: number;
}

/** Estimate the design across the load range, for the latency/cost-versus-load chart. */
export function loadSweep(design: Design, opts: Omit<EstimateOptions, 'loadMultiplier'> = {}, multipliers: readonly number[] = SWEEP_MULTIPLIERS): SweepPoint[] {
  return multipliers.map((multiplier) => {
    const e = estimateDesign(design, { ...opts, loadMultiplier: multiplier });
    let costScaledUsd = 0;
    for (const n of Object.values(e.nodes)) costScaledUsd += (n.monthlyCostUsd / n.replicas) * n.replicasNeeded;
    return {
      multiplier, loadRps: e.loadRps, meanMs: e.endToEnd.meanMs, p99Ms: e.endToEnd.p99Ms, saturated: e.endToEnd.saturated,
      bottleneck: e.bottleneck, costUsd: e.monthlyCostUsd, costScaledUsd,
    };
  });
}
