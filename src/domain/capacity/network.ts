import type { Design } from '../design/schema.ts';
import type { SimNetwork, SimRoute, SimStation } from '../simulate/network.ts';
import { buildFlow } from './flow.ts';
import { resolveStation } from './resolve.ts';
import type { EstimateOptions } from './types.ts';

/** Servers of a station that never queues (clients, pure delays). */
export const UNLIMITED_SERVERS = 1_000_000_000;
/** Suffix of the pure-delay station placed in front of a model server (request overhead + payload). */
export const REQUEST_DELAY_SUFFIX = '#request';

/**
 * Design → the queueing network both the analytic engine and the simulator work on. Offline nodes are left
 * out (no request traffic), back edges of cycles are dropped (see buildFlow), clients become zero-time
 * stations so their calls keep the same routing semantics. A model server's per-request delay (network,
 * payload) overlaps across requests, so it is a separate unlimited-server station in front of the batcher.
 */
export function toNetwork(design: Design, opts: EstimateOptions = {}): SimNetwork {
  const w = design.workload;
  const arrivalRps = w.rps * (w.peakFactor ?? 1) * (opts.loadMultiplier ?? 1);
  const flow = buildFlow(design);
  const stations: SimStation[] = [];
  const routes: SimRoute[] = [];
  const entryOf = new Map<string, string>(); // node id → station a caller should route to
  for (const node of design.nodes) {
    const st = resolveStation(node, opts.profiles);
    if (st.role === 'offline') continue;
    const sync = st.role !== 'async';
    if (st.role === 'source') {
      stations.push({ id: node.id, servers: UNLIMITED_SERVERS, service: { meanMs: 0, cv: 0 }, sync: true });
      entryOf.set(node.id, node.id);
      continue;
    }
    const servers = st.replicas * st.serversPerReplica;
    const b = st.batch;
    if (!b) {
      stations.push({ id: node.id, servers, service: { meanMs: st.serviceMs, cv: st.serviceCv }, sync });
      entryOf.set(node.id, node.id);
      continue;
    }
    stations.push({
      id: node.id, servers, service: { meanMs: b.aMs + b.bMs, cv: 0 }, sync,
      batching: { aMs: b.aMs, bMs: b.bMs, maxBatch: b.maxBatch, windowMs: b.windowMs },
    });
    if (b.delayMs > 0) {
      const delayId = `${node.id}${REQUEST_DELAY_SUFFIX}`;
      stations.push({ id: delayId, servers: UNLIMITED_SERVERS, service: { meanMs: b.delayMs, cv: 0 }, sync });
      routes.push({ from: delayId, to: node.id, calls: 1 });
      entryOf.set(node.id, delayId);
    } else entryOf.set(node.id, node.id);
  }
  for (const e of flow.edges) routes.push({ from: e.from, to: entryOf.get(e.to)!, calls: e.calls });
  return {
    stations,
    routes,
    entries: flow.entries.map((e) => ({ station: entryOf.get(e.id)!, share: e.share })),
    arrivalRps,
    arrival: { kind: 'poisson' },
  };
}
