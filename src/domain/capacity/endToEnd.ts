import type { Flow, FlowEdge } from './flow.ts';
import type { StationMetrics } from './metrics.ts';
import { mixtureCumulants, mixtureSf } from './mixture.ts';
import { convolve, discretize, fanOut, gridStep, maybe, mixture, pmfMean, pmfQuantile, pointPmf, type Pmf } from './tail.ts';

export interface EndToEnd {
  meanMs: number | null;
  /** Response-time distribution on the grid of step `stepMs` (null when saturated). */
  pmf: Pmf | null;
  stepMs: number;
  saturated: boolean;
  /** Nodes whose latency the client waits for (sync, reached, taking traffic). */
  onPath: Set<string>;
  /** Saturated nodes on the path. */
  blocking: string[];
}

/** Bins in the grid spanning the slowest plausible request. */
export const GRID_BINS = 1024;

/**
 * Response time of a request, following the request semantics of simulate/network.ts: a visit is the node's own
 * response, then its children one after another (times add); a child called with probability k ≤ 1 is a
 * mixture with 0; k > 1 parallel calls take the slowest; async children are not waited for.
 */
export function endToEnd(flow: Flow, metrics: Map<string, StationMetrics>): EndToEnd {
  const onPath = new Set<string>();
  const blocking: string[] = [];
  const waited = (id: string) => (flow.children.get(id) ?? []).filter((e: FlowEdge) => e.calls > 0 && flow.roles.get(e.to) !== 'async');

  // Pass 1: which nodes are waited for, and a generous upper bound of each subtree's time (mean + 12 sd per
  // stage, more for fan-outs) to size the grid. Mass beyond it is kept in the last bin, not dropped.
  const hi = new Map<string, number>();
  const bound = (id: string): number => {
    const known = hi.get(id);
    if (known !== undefined) return known;
    hi.set(id, 0); // acyclic, but guards against surprises
    onPath.add(id);
    const m = metrics.get(id)!;
    if (m.saturated) blocking.push(id);
    let h = 0;
    if (m.dist) {
      const [mean, v] = mixtureCumulants(m.dist);
      h = mean + 12 * Math.sqrt(v);
    }
    for (const e of waited(id)) h += bound(e.to) * (e.calls > 1 ? 1 + Math.log(e.calls) / 6 : 1);
    hi.set(id, h);
    return h;
  };
  const horizon = Math.max(0, ...flow.entries.map((e) => bound(e.id)));
  const step = gridStep(horizon, GRID_BINS);
  if (blocking.length > 0 || flow.entries.length === 0) {
    return { meanMs: null, pmf: null, stepMs: step, saturated: blocking.length > 0, onPath, blocking };
  }

  // Pass 2: distributions on the grid, and exact means where composition allows (sums, optional calls).
  const memo = new Map<string, { pmf: Pmf; mean: number }>();
  const visit = (id: string): { pmf: Pmf; mean: number } => {
    const known = memo.get(id);
    if (known) return known;
    const m = metrics.get(id)!;
    let pmf = pointPmf(0);
    let mean = 0;
    if (m.dist) {
      const dist = m.dist;
      const [mu] = mixtureCumulants(dist);
      const lo = Math.min(...dist.map((c) => c.shift));
      pmf = discretize((t) => mixtureSf(dist, t), lo, Math.max(lo, hi.get(id)!), step);
      mean = mu;
    }
    for (const e of waited(id)) {
      const child = visit(e.to);
      if (e.calls > 1) {
        const max = fanOut(child.pmf, e.calls, step);
        pmf = convolve(pmf, max);
        mean += pmfMean(max, step);
      } else {
        pmf = convolve(pmf, maybe(child.pmf, e.calls, step));
        mean += e.calls * child.mean;
      }
    }
    const out = { pmf, mean };
    memo.set(id, out);
    return out;
  };
  const entries = flow.entries.map((e) => ({ w: e.share, r: visit(e.id) }));
  return {
    meanMs: entries.reduce((s, e) => s + e.w * e.r.mean, 0),
    pmf: mixture(entries.map((e) => ({ w: e.w, pmf: e.r.pmf })), step),
    stepMs: step,
    saturated: false,
    onPath,
    blocking,
  };
}

export function summarize(e: EndToEnd): { meanMs: number | null; p50Ms: number | null; p99Ms: number | null } {
  if (!e.pmf) return { meanMs: null, p50Ms: null, p99Ms: null };
  return { meanMs: e.meanMs, p50Ms: pmfQuantile(e.pmf, e.stepMs, 0.5), p99Ms: pmfQuantile(e.pmf, e.stepMs, 0.99) };
}
