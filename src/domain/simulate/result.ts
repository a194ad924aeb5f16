import { quantile } from './samples.ts';
import type { Simulation } from './simulation.ts';
import type { SimResult, StationResult } from './types.ts';

/** Utilization at or above this (or a batcher's arrival rate at this fraction of its top rate) counts as saturated. */
export const SATURATION_UTILIZATION = 0.99;

/** Turn a finished (or stopped) run into a SimResult. */
export function buildResult(sim: Simulation): SimResult {
  sim.closeWindow();
  const { net, m } = sim;
  const windowMs = m.windowEnd - m.windowStart; // NaN if the run stopped before any measured request
  const saturated = new Set(sim.runaway.flagged);
  const stations: Record<string, StationResult> = {};

  net.ids.forEach((id, s) => {
    const buf = m.resp[s]!;
    const sorted = buf.sorted();
    const arrivals = m.arrivals[s]!;
    const servers = net.servers[s]!;
    const st: StationResult = {
      arrivals,
      arrivalRps: (arrivals / windowMs) * 1000,
      utilization: Number.isFinite(servers) ? m.busyArea[s]! / (servers * windowMs) : 0,
      meanWaitMs: buf.n > 0 ? m.sumWait[s]! / buf.n : NaN,
      meanResponseMs: buf.mean(),
      p50ResponseMs: quantile(sorted, 0.5),
      p99ResponseMs: quantile(sorted, 0.99),
      meanInSystem: m.sysArea[s]! / windowMs,
    };
    if (net.batching[s] === 1) {
      st.meanBatch = m.batches[s]! > 0 ? m.batchSum[s]! / m.batches[s]! : NaN;
      st.maxBatchObserved = m.batchMax[s]!;
      // An instance always runs while a batch waits, so busy time is not the test: compare λ with the top rate.
      const maxB = net.batchMax[s]!;
      const topRps = (servers * maxB * 1000) / (net.batchA[s]! + net.batchB[s]! * maxB);
      if (st.arrivalRps >= SATURATION_UTILIZATION * topRps) saturated.add(s);
    } else if (st.utilization >= SATURATION_UTILIZATION) {
      saturated.add(s);
    }
    stations[id] = st;
  });

  const e2e = m.e2e.sorted();
  return {
    requests: m.e2e.n,
    events: sim.events,
    simulatedMs: sim.now,
    endToEnd: { meanMs: m.e2e.mean(), p50Ms: quantile(e2e, 0.5), p99Ms: quantile(e2e, 0.99) },
    stations,
    saturated: [...saturated].sort((a, b) => a - b).map((s) => net.ids[s]!),
    ...(sim.stopped ? { stopped: sim.stopped } : {}),
  };
}
