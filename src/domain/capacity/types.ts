import type { FlowRole } from '../catalog/components.ts';
import type { Explanation } from './explain.ts';
import type { Profile } from './roofline.ts';

export interface EstimateOptions {
  /** What-if multiplier on the design load (the UI slider passes 0.5 … 10). Default 1. */
  loadMultiplier?: number;
  /** Calibration profiles by id (a node picks one with params.profileId): compute(B) = aMs + bMs·B. */
  profiles?: Record<string, Profile>;
}

export interface BatchEstimate {
  effectiveBatch: number;
  aMs: number;
  bMs: number;
  bound: 'compute' | 'memory';
  source: 'roofline' | 'profile';
  /** Which calibration produced aMs and bMs, when source is 'profile'. */
  profileLabel?: string;
}

export interface NodeEstimate {
  id: string;
  role: FlowRole;
  arrivalRps: number;
  /** Parallel servers: replicas × concurrency (× model instances for model servers). */
  servers: number;
  utilization: number;
  saturated: boolean;
  /** null when saturated (latency unbounded) or when the node takes no requests (offline). */
  meanMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Arrival rate at which utilisation reaches 1 with the current replicas; null for clients and offline nodes. */
  maxRps: number | null;
  replicas: number;
  replicasNeeded: number;
  monthlyCostUsd: number;
  /** P(enough replicas are up to carry the load). */
  availability: number;
  batch?: BatchEstimate;
  explain: Record<string, Explanation>;
}

export interface DesignEstimate {
  loadRps: number;
  endToEnd: { meanMs: number | null; p50Ms: number | null; p99Ms: number | null; saturated: boolean; budgetMs?: number; withinBudget?: boolean };
  maxThroughputRps: number | null;
  /** Node id that saturates first as load grows. */
  bottleneck: string | null;
  monthlyCostUsd: number;
  costPer1MUsd: number | null;
  gpuHoursPerMonth: number;
  availability: number;
  nodes: Record<string, NodeEstimate>;
  /** Keyed `${from}->${to}`. */
  edges: Record<string, { rps: number }>;
  warnings: string[];
  explain: Record<string, Explanation>;
}
