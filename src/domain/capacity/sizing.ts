import { stationMetrics } from './metrics.ts';
import { mixtureQuantile, serviceMixture } from './mixture.ts';
import type { Station } from './resolve.ts';

export const MAX_REPLICAS = 100_000;

/** Most requests/s one replica sustains (utilisation 1): concurrency/service time, or full batches. */
export function perReplicaMaxRps(st: Station): number {
  if (st.batch) {
    const b = st.batch;
    return ((b.instances * b.maxBatch) / (b.aMs + b.bMs * b.maxBatch)) * 1000;
  }
  return (st.serversPerReplica / st.serviceMs) * 1000;
}

/** Fewest replicas that keep utilisation at or under the target. */
export function replicasForUtilization(st: Station, arrivalRps: number, target: number): number {
  if (arrivalRps <= 0) return 1;
  return Math.max(1, Math.ceil(arrivalRps / (target * perReplicaMaxRps(st)) - 1e-9));
}

/** Fewest replicas that carry the load at all (utilisation < 1): the k in k-of-n availability. */
export function replicasToCarry(st: Station, arrivalRps: number): number {
  if (arrivalRps <= 0) return 1;
  return Math.max(1, Math.floor(arrivalRps / perReplicaMaxRps(st) + 1e-12) + 1);
}

/** p99 of the station with no queueing at all: what no number of replicas can go below. */
export function unloadedP99(st: Station): number {
  if (st.role === 'source' || st.role === 'offline') return 0;
  if (st.batch) return st.batch.delayMs + st.batch.windowMs + st.batch.aMs + st.batch.bMs; // a lone request
  const { serviceMs: s, serviceCv: cv } = st;
  if (cv <= 1) return s * (1 - cv) + s * cv * Math.log(100); // shift + exponential, closed form
  return mixtureQuantile(serviceMixture(s, cv), 0.99);
}

/**
 * Fewest replicas (≥ `from`) whose p99 fits this station's share of the p99 budget, or null when even
 * MAX_REPLICAS cannot (the unloaded p99 is already over it). p99 only falls as replicas are added, so we
 * double to bracket and then bisect.
 */
export function replicasForP99(st: Station, arrivalRps: number, budgetMs: number, from: number, known?: { replicas: number; p99Ms: number | null }): number | null {
  // p99 only falls as replicas are added: if it already fits with fewer, it fits with `from`.
  if (known && known.p99Ms !== null && known.replicas <= from && known.p99Ms <= budgetMs) return from;
  const fits = (r: number) => {
    const m = stationMetrics(st, arrivalRps, r, false);
    return !m.saturated && m.dist !== null && mixtureQuantile(m.dist, 0.99) <= budgetMs;
  };
  if (fits(from)) return from;
  if (unloadedP99(st) >= budgetMs) return null;
  let lo = from;
  let hi = Math.max(from + 1, from * 2);
  while (!fits(hi)) {
    if (hi >= MAX_REPLICAS) return null;
    lo = hi;
    hi = Math.min(MAX_REPLICAS, hi * 2);
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
