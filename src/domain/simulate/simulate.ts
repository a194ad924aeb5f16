import { compileNetwork } from './compile.ts';
import type { SimNetwork } from './network.ts';
import { buildResult } from './result.ts';
import { Simulation } from './simulation.ts';
import type { SimOptions, SimResult, SimRunOptions } from './types.ts';

export type { SimOptions, SimResult, SimRunOptions, StationResult, LatencySummary } from './types.ts';

/** Events per slice between progress callbacks and abort checks (≈ 10–50 ms of work). */
const SLICE_EVENTS = 65_536;

/** Validate the network and set up a run that can be advanced slice by slice (`step`). Throws on a bad network. */
export function createSimulation(net: SimNetwork, opts: SimRunOptions): Simulation {
  const requests = Math.floor(opts.requests ?? 100_000);
  if (!(requests >= 1)) throw new Error(`requests must be ≥ 1 (got ${opts.requests})`);
  const warmup = Math.floor(opts.warmupRequests ?? Math.max(Math.ceil(requests / 10), Math.min(1000, requests)));
  if (!(warmup >= 0)) throw new Error(`warmupRequests must be ≥ 0 (got ${opts.warmupRequests})`);
  if (warmup + requests >= 2 ** 31) throw new Error('warmupRequests + requests must be below 2^31');
  const compiled = compileNetwork(net);
  // Room for a 50× backlog of events per visit before the cap stops a pathological run.
  const maxEvents = opts.maxEvents ?? Math.ceil(50 * (warmup + requests) * (1 + compiled.visitsPerRequest)) + 1_000_000;
  return new Simulation(compiled, opts.seed, warmup, requests, maxEvents);
}

/**
 * Discrete-event simulation of `net` under the request semantics of network.ts. Deterministic for a given seed.
 * Stops early (and says so in `stopped`) when a queue runs away, when maxEvents is reached or when aborted.
 */
export function simulateNetwork(net: SimNetwork, opts: SimOptions): SimResult {
  const t0 = performance.now();
  const sim = createSimulation(net, opts);
  for (;;) {
    if (opts.signal?.aborted) sim.stop('aborted');
    if (sim.step(SLICE_EVENTS)) break;
    opts.onProgress?.(sim.progress());
  }
  opts.onProgress?.(1);
  return { ...buildResult(sim), wallMs: performance.now() - t0 };
}

/** A three-tier network with fan-out, a cache miss path, an async logger and a batching model server. */
export const BENCH_NETWORK: SimNetwork = {
  arrivalRps: 2000,
  arrival: { kind: 'poisson' },
  entries: [{ station: 'gateway', share: 1 }],
  stations: [
    { id: 'gateway', servers: 8, service: { meanMs: 1, cv: 0.5 }, sync: true },
    { id: 'cache', servers: 4, service: { meanMs: 0.5, cv: 1 }, sync: true },
    { id: 'features', servers: 64, service: { meanMs: 2, cv: 2 }, sync: true },
    { id: 'model', servers: 2, service: { meanMs: 0, cv: 0 }, sync: true, batching: { aMs: 4, bMs: 0.3, maxBatch: 32, windowMs: 2 } },
    { id: 'log', servers: 2, service: { meanMs: 0.2, cv: 1 }, sync: false },
  ],
  routes: [
    { from: 'gateway', to: 'cache', calls: 1 },
    { from: 'gateway', to: 'features', calls: 4 },
    { from: 'gateway', to: 'model', calls: 0.8 },
    { from: 'gateway', to: 'log', calls: 1 },
  ],
};

/** Measure simulator speed: events processed and wall time of one run (for the benchmark script). */
export function eventsPerSecond(net: SimNetwork = BENCH_NETWORK, requests = 200_000, seed = 1): { events: number; wallMs: number; perSecond: number } {
  const t0 = performance.now();
  const sim = createSimulation(net, { seed, requests, warmupRequests: Math.ceil(requests / 10) });
  while (!sim.step(1 << 20));
  const wallMs = performance.now() - t0;
  return { events: sim.events, wallMs, perSecond: (sim.events / wallMs) * 1000 };
}
