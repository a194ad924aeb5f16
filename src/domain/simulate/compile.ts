import { makeSampler, type Sampler } from './distributions.ts';
import type { SimNetwork } from './network.ts';

/**
 * A SimNetwork turned into index-based arrays for the event loop: stations by index, each station's routes as a
 * contiguous slice (CSR) in their original order, the entry split as cumulative shares.
 */
export interface CompiledNet {
  ids: string[];
  servers: Float64Array;
  sync: Uint8Array;
  service: Sampler[];
  batching: Uint8Array;
  batchA: Float64Array;
  batchB: Float64Array;
  batchMax: Int32Array;
  batchWindow: Float64Array;
  /** Routes of station s are routeStart[s] .. routeStart[s+1]-1. */
  routeStart: Int32Array;
  routeTo: Int32Array;
  /** calls = floor + (1 with probability frac): covers both Bernoulli (k ≤ 1) and fan-out (k > 1). */
  routeFloor: Int32Array;
  routeFrac: Float64Array;
  entryStation: Int32Array;
  entryCumShare: Float64Array;
  /** Inter-arrival time sampler (ms). */
  interArrival: Sampler;
  /** Expected station visits per request (visit ratios summed), to size defaults. */
  visitsPerRequest: number;
}

export function compileNetwork(net: SimNetwork): CompiledNet {
  const n = net.stations.length;
  if (n === 0) throw new Error('the network has no stations');
  if (!(net.arrivalRps > 0) || !Number.isFinite(net.arrivalRps)) throw new Error(`arrivalRps must be > 0 (got ${net.arrivalRps})`);
  const index = new Map<string, number>();
  net.stations.forEach((s, i) => {
    if (index.has(s.id)) throw new Error(`duplicate station id "${s.id}"`);
    index.set(s.id, i);
  });
  const at = (id: string, what: string): number => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`${what} refers to unknown station "${id}"`);
    return i;
  };

  const c: CompiledNet = {
    ids: net.stations.map((s) => s.id),
    servers: new Float64Array(n),
    sync: new Uint8Array(n),
    service: [],
    batching: new Uint8Array(n),
    batchA: new Float64Array(n),
    batchB: new Float64Array(n),
    batchMax: new Int32Array(n),
    batchWindow: new Float64Array(n),
    routeStart: new Int32Array(n + 1),
    routeTo: new Int32Array(net.routes.length),
    routeFloor: new Int32Array(net.routes.length),
    routeFrac: new Float64Array(net.routes.length),
    entryStation: new Int32Array(net.entries.length),
    entryCumShare: new Float64Array(net.entries.length),
    interArrival: makeSampler(1000 / net.arrivalRps, net.arrival.kind === 'poisson' ? 1 : net.arrival.cv),
    visitsPerRequest: 0,
  };

  net.stations.forEach((s, i) => {
    if (!(s.servers >= 1)) throw new Error(`station "${s.id}": servers must be ≥ 1 (got ${s.servers})`);
    c.servers[i] = Math.floor(s.servers); // Infinity stays Infinity (an infinite-server station)
    c.sync[i] = s.sync ? 1 : 0;
    try {
      c.service.push(s.batching ? makeSampler(0, 0) : makeSampler(s.service.meanMs, s.service.cv));
    } catch (e) {
      throw new Error(`station "${s.id}": service ${(e as Error).message}`, { cause: e });
    }
    const b = s.batching;
    if (b) {
      if (!(b.aMs >= 0 && b.bMs >= 0 && b.aMs + b.bMs > 0)) throw new Error(`station "${s.id}": batch time a + b·B must be positive`);
      if (!(b.maxBatch >= 1)) throw new Error(`station "${s.id}": maxBatch must be ≥ 1`);
      if (!(b.windowMs >= 0)) throw new Error(`station "${s.id}": windowMs must be ≥ 0`);
      c.batching[i] = 1;
      c.batchA[i] = b.aMs;
      c.batchB[i] = b.bMs;
      c.batchMax[i] = Math.floor(b.maxBatch);
      c.batchWindow[i] = b.windowMs;
    }
  });

  // Group routes by source, keeping their order within a source (that order is the call order).
  const bySource: number[][] = Array.from({ length: n }, () => []);
  net.routes.forEach((r, k) => {
    if (!(r.calls >= 0) || !Number.isFinite(r.calls)) throw new Error(`route ${r.from}->${r.to}: calls must be ≥ 0`);
    bySource[at(r.from, `route ${r.from}->${r.to}`)]!.push(k);
    at(r.to, `route ${r.from}->${r.to}`);
  });
  let j = 0;
  for (let s = 0; s < n; s++) {
    c.routeStart[s] = j;
    for (const k of bySource[s]!) {
      const r = net.routes[k]!;
      c.routeTo[j] = index.get(r.to)!;
      c.routeFloor[j] = Math.floor(r.calls);
      c.routeFrac[j] = r.calls - Math.floor(r.calls);
      j++;
    }
  }
  c.routeStart[n] = j;

  if (net.entries.length === 0) throw new Error('the network has no entry station');
  let cum = 0;
  net.entries.forEach((e, k) => {
    if (!(e.share >= 0)) throw new Error(`entry "${e.station}": share must be ≥ 0`);
    c.entryStation[k] = at(e.station, 'an entry');
    cum += e.share;
    c.entryCumShare[k] = cum;
  });
  if (!(cum > 0)) throw new Error('entry shares must add up to more than 0');
  for (let k = 0; k < c.entryCumShare.length; k++) c.entryCumShare[k] = c.entryCumShare[k]! / cum;

  c.visitsPerRequest = visitRatios(c, n).reduce((a, b) => a + b, 0);
  return c;
}

/** Visit ratios in topological order (Kahn); a cycle is an error because a visit would wait on itself. */
function visitRatios(c: CompiledNet, n: number): number[] {
  const indeg = new Array<number>(n).fill(0);
  for (let r = 0; r < c.routeTo.length; r++) indeg[c.routeTo[r]!]!++;
  const v = new Array<number>(n).fill(0);
  for (let k = 0; k < c.entryStation.length; k++) {
    const prev = k === 0 ? 0 : c.entryCumShare[k - 1]!;
    v[c.entryStation[k]!]! += c.entryCumShare[k]! - prev;
  }
  const ready: number[] = [];
  for (let s = 0; s < n; s++) if (indeg[s] === 0) ready.push(s);
  let seen = 0;
  while (ready.length > 0) {
    const s = ready.pop()!;
    seen++;
    for (let r = c.routeStart[s]!; r < c.routeStart[s + 1]!; r++) {
      const t = c.routeTo[r]!;
      v[t]! += v[s]! * (c.routeFloor[r]! + c.routeFrac[r]!);
      if (--indeg[t]! === 0) ready.push(t);
    }
  }
  if (seen < n) throw new Error('routing has a cycle; the simulator needs an acyclic network');
  return v;
}
