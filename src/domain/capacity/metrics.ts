import { batchingMetrics } from './batching.ts';
import { queueCore } from './queueing.ts';
import { mixtureQuantile } from './mixture.ts';
import type { Mixture } from './mixture.ts';
import type { Station } from './resolve.ts';

/** One station's steady state at a given arrival rate and replica count. */
export interface StationMetrics {
  servers: number;
  utilization: number;
  saturated: boolean;
  meanMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Arrival rate at which utilisation reaches 1 (the queue then grows without bound). */
  maxRps: number | null;
  dist: Mixture | null;
  effectiveBatch?: number;
  probWait?: number;
}

/** With quantiles = false, p50/p99 are left null (sizing loops only need the distribution). */
export function stationMetrics(st: Station, arrivalRps: number, replicas = st.replicas, quantiles = true): StationMetrics {
  const servers = replicas * st.serversPerReplica;
  if (st.role === 'source') {
    return { servers: 0, utilization: 0, saturated: false, meanMs: 0, p50Ms: 0, p99Ms: 0, maxRps: null, dist: [{ w: 1, shift: 0, a: 0, b: 0, u: 0 }] };
  }
  if (st.role === 'offline') {
    return { servers, utilization: 0, saturated: false, meanMs: null, p50Ms: null, p99Ms: null, maxRps: null, dist: null };
  }
  if (st.batch) {
    const b = st.batch;
    const m = batchingMetrics({ arrivalRps, servers, aMs: b.aMs, bMs: b.bMs, maxBatch: b.maxBatch, windowMs: b.windowMs, delayMs: b.delayMs, quantiles });
    return {
      servers, utilization: m.utilization, saturated: m.saturated, meanMs: m.meanMs, p50Ms: m.p50Ms, p99Ms: m.p99Ms,
      maxRps: m.maxRps, dist: m.dist, effectiveBatch: m.effectiveBatch,
    };
  }
  const q = queueCore({ servers, arrivalRps, serviceMs: st.serviceMs, serviceCv: st.serviceCv });
  const at = (p: number) => (quantiles && q.dist ? mixtureQuantile(q.dist, p) : null);
  return {
    servers, utilization: q.utilization, saturated: q.saturated, meanMs: q.meanResponseMs, p50Ms: at(0.5),
    p99Ms: at(0.99), maxRps: Number.isFinite(q.maxRps) ? q.maxRps : null, dist: q.dist, probWait: q.probWait,
  };
}
