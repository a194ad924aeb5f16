import { HOURS_PER_MONTH } from '../catalog/instances.ts';
import type { Design } from '../design/schema.ts';
import { kOfN, serial } from './availability.ts';
import { batchTimeMs } from './roofline.ts';
import { costPerMillion } from './cost.ts';
import { endToEnd, summarize } from './endToEnd.ts';
import { explain, input, type Explanation } from './explain.ts';
import { explainNode } from './explainNode.ts';
import { buildFlow, type Flow, type FlowEdge } from './flow.ts';
import { stationMetrics, type StationMetrics } from './metrics.ts';
import { resolveStation, type Station } from './resolve.ts';
import { replicasForP99, replicasForUtilization, replicasToCarry, unloadedP99 } from './sizing.ts';
import type { DesignEstimate, EstimateOptions, NodeEstimate } from './types.ts';

export const DEFAULT_TARGET_UTILIZATION = 0.7;

/**
 * Split the p99 budget over the path in proportion to each node's unloaded p99 (what it costs with no queue).
 * Stages in sequence share a budget; parallel branches do not, so each node's share is taken against the
 * heaviest chain of stages that runs through it (the critical path), not the sum over every branch.
 */
function budgetShares(onPath: string[], flow: Flow, stations: Map<string, Station>, budget: number | undefined, warnings: string[]): Map<string, number> {
  const shares = new Map<string, number>();
  if (budget === undefined || onPath.length === 0) return shares;
  const base = new Map(onPath.map((id) => [id, unloadedP99(stations.get(id)!)]));
  const order = flow.order.filter((id) => base.has(id));
  const down = new Map<string, number>();
  const up = new Map<string, number>();
  for (const id of [...order].reverse()) {
    const next = (flow.children.get(id) ?? []).filter((e) => base.has(e.to)).map((e) => down.get(e.to) ?? 0);
    down.set(id, base.get(id)! + Math.max(0, ...next));
  }
  for (const id of order) {
    up.set(id, up.get(id) ?? base.get(id)!);
    for (const e of flow.children.get(id) ?? []) if (base.has(e.to)) up.set(e.to, Math.max(up.get(e.to) ?? 0, up.get(id)! + base.get(e.to)!));
  }
  const through = (id: string) => (up.get(id) ?? base.get(id)!) + (down.get(id) ?? base.get(id)!) - base.get(id)!;
  const critical = Math.max(...onPath.map(through));
  if (critical >= budget) {
    warnings.push(`The p99 budget ${budget} ms is below the sum of unloaded p99s along the slowest path (${critical.toFixed(1)} ms): more replicas cannot meet it; make stages faster or remove some.`);
    return shares;
  }
  for (const [id, v] of base) shares.set(id, (budget * v) / through(id));
  return shares;
}

export function estimateDesign(design: Design, opts: EstimateOptions = {}): DesignEstimate {
  const w = design.workload;
  const multiplier = opts.loadMultiplier ?? 1;
  const loadRps = w.rps * (w.peakFactor ?? 1) * multiplier;
  const target = w.targetUtilization ?? DEFAULT_TARGET_UTILIZATION;
  const flow = buildFlow(design);
  const warnings = [...flow.warnings];
  const stations = new Map<string, Station>();
  const arrival = new Map<string, number>();
  const metrics = new Map<string, StationMetrics>();
  for (const node of design.nodes) {
    const st = resolveStation(node, opts.profiles);
    stations.set(node.id, st);
    warnings.push(...st.warnings);
    const lam = st.role === 'offline' ? 0 : loadRps * (flow.visits.get(node.id) ?? 0);
    arrival.set(node.id, lam);
    metrics.set(node.id, stationMetrics(st, lam));
  }

  const e2e = endToEnd(flow, metrics);
  const summary = summarize(e2e);

  // The load multiplier at which each node reaches ρ = 1 scales linearly with load; the smallest wins.
  let bottleneck: string | null = null;
  let headroom = Infinity;
  for (const [id, m] of metrics) {
    const lam = arrival.get(id)!;
    if (lam > 0 && m.maxRps !== null && m.maxRps / lam < headroom) {
      headroom = m.maxRps / lam;
      bottleneck = id;
    }
  }
  const maxThroughputRps = bottleneck ? headroom * loadRps : null;
  for (const [id, m] of metrics) if (m.saturated) warnings.push(`"${id}" is saturated (ρ = ${m.utilization.toFixed(2)} ≥ 1): add replicas (needs at least ${replicasToCarry(stations.get(id)!, arrival.get(id)!)}).`);

  const pathIds = [...e2e.onPath].filter((id) => stations.get(id)!.role !== 'source' && arrival.get(id)! > 0);
  const shares = budgetShares(pathIds, flow, stations, w.p99BudgetMs, warnings);
  const incoming = new Map<string, FlowEdge[]>();
  for (const e of flow.edges) incoming.set(e.to, [...(incoming.get(e.to) ?? []), e]);

  const nodes: Record<string, NodeEstimate> = {};
  let monthlyCostUsd = 0;
  let gpuHoursPerMonth = 0;
  const pathAvailability: number[] = [];
  const short: string[] = [];
  for (const node of design.nodes) {
    const st = stations.get(node.id)!;
    const m = metrics.get(node.id)!;
    const lam = arrival.get(node.id)!;
    const takesRequests = st.role !== 'source' && st.role !== 'offline';
    const byUtilization = takesRequests ? replicasForUtilization(st, lam, target) : st.replicas;
    const share = shares.get(node.id);
    const byBudget = share !== undefined ? replicasForP99(st, lam, share, byUtilization, { replicas: st.replicas, p99Ms: m.p99Ms }) : null;
    if (share !== undefined && byBudget === null) short.push(node.id);
    const replicasNeeded = Math.max(byUtilization, byBudget ?? 0);
    const carry = takesRequests ? replicasToCarry(st, lam) : 0;
    const availability = takesRequests ? kOfN(st.replicas, carry, st.availability) : 1;
    if (e2e.onPath.has(node.id) && takesRequests && lam > 0) pathAvailability.push(availability);
    const cost = st.replicas * st.costPerReplicaHour * HOURS_PER_MONTH;
    monthlyCostUsd += cost;
    gpuHoursPerMonth += st.replicas * st.gpusPerReplica * HOURS_PER_MONTH;
    const est: NodeEstimate = {
      id: node.id, role: st.role, arrivalRps: lam, servers: m.servers, utilization: m.utilization, saturated: m.saturated,
      meanMs: m.meanMs, p50Ms: m.p50Ms, p99Ms: m.p99Ms, maxRps: m.maxRps, replicas: st.replicas, replicasNeeded,
      monthlyCostUsd: cost, availability,
      explain: explainNode(st, m, {
        loadRps, visits: flow.visits.get(node.id) ?? 0, arrivalRps: lam, incoming: incoming.get(node.id) ?? [], replicasNeeded,
        byUtilization, byBudget, budgetShareMs: share ?? null, target, carry, availability, monthlyCostUsd: cost,
      }),
    };
    if (st.batch && st.role !== 'offline') {
      const b = st.batch;
      const B = m.effectiveBatch ?? 1;
      const bound = b.terms ? batchTimeMs(b.terms, B).bound : 'compute';
      est.batch = { effectiveBatch: B, aMs: b.aMs, bMs: b.bMs, bound, source: b.source, ...(b.profileLabel ? { profileLabel: b.profileLabel } : {}) };
    }
    nodes[node.id] = est;
  }
  if (short.length > 0) warnings.push(`Even ${100_000} replicas cannot bring ${short.map((s) => `"${s}"`).join(', ')} under its share of the p99 budget.`);

  const edges: Record<string, { rps: number }> = {};
  for (const e of design.edges) edges[`${e.from}->${e.to}`] = { rps: 0 };
  for (const e of flow.edges) edges[e.key] = { rps: arrival.get(e.from)! * e.calls };

  const availability = e2e.saturated ? 0 : serial(pathAvailability);
  const costPer1MUsd = costPerMillion(monthlyCostUsd, loadRps);
  const budgetMs = w.p99BudgetMs;
  const endToEndOut: DesignEstimate['endToEnd'] = { ...summary, saturated: e2e.saturated };
  if (budgetMs !== undefined) {
    endToEndOut.budgetMs = budgetMs;
    endToEndOut.withinBudget = summary.p99Ms !== null && summary.p99Ms <= budgetMs;
  }
  const pathNodes = [...e2e.onPath].filter((id) => nodes[id]!.role !== 'source');
  const grid = input('grid step (resolution of end-to-end quantiles)', e2e.stepMs, 'ms');
  const pathInputs = (k: 'meanMs' | 'p99Ms') => [...pathNodes.map((id) => input(`${id} ${k === 'meanMs' ? 'mean' : 'p99'}`, nodes[id]![k], 'ms')), grid];
  const composition = `each stage's distribution is rounded onto a common grid (step ${e2e.stepMs.toPrecision(3)} ms); stages on the path convolve (times add), a call made with probability k mixes with 0, k > 1 parallel calls take the slowest (CDF^k); async calls are not waited for`;
  const sat = e2e.saturated ? `saturated at ${e2e.blocking.join(', ')}: latency unbounded` : null;
  const ex: Record<string, Explanation> = {
    loadRps: explain('design load', loadRps, 'req/s', 'rps × peakFactor × load multiplier', [input('rps', w.rps, 'req/s'), input('peakFactor', w.peakFactor ?? 1, ''), input('load multiplier', multiplier, '')]),
    'endToEnd.meanMs': explain('end-to-end mean', summary.meanMs, 'ms', sat ?? `means add along the path; ${composition}`, pathInputs('meanMs')),
    'endToEnd.p50Ms': explain('end-to-end median', summary.p50Ms, 'ms', sat ?? `median of the composed distribution: ${composition}`, pathInputs('meanMs')),
    'endToEnd.p99Ms': explain('end-to-end p99', summary.p99Ms, 'ms', sat ?? `p99 of the composed distribution (not a sum of p99s): ${composition}`, pathInputs('p99Ms')),
    maxThroughputRps: explain('max sustainable throughput', maxThroughputRps, 'req/s', 'load × min over nodes of (maxRps / λ): the load at which the first node reaches ρ = 1',
      bottleneck ? [input('bottleneck', bottleneck, ''), input('its maxRps', nodes[bottleneck]!.maxRps, 'req/s'), input('its λ', arrival.get(bottleneck)!, 'req/s'), input('load', loadRps, 'req/s')] : []),
    monthlyCostUsd: explain('monthly cost', monthlyCostUsd, 'USD', `Σ replicas × $/h × ${HOURS_PER_MONTH} h`, Object.values(nodes).filter((n) => n.monthlyCostUsd > 0).map((n) => input(n.id, n.monthlyCostUsd, 'USD'))),
    costPer1MUsd: explain('cost per 1M predictions', costPer1MUsd, 'USD', `monthly cost ÷ (load × 3600 × ${HOURS_PER_MONTH} / 10⁶), as if the design load ran all month`, [input('monthly cost', monthlyCostUsd, 'USD'), input('load', loadRps, 'req/s')]),
    gpuHoursPerMonth: explain('GPU-hours per month', gpuHoursPerMonth, 'h', `Σ replicas × GPUs per replica × ${HOURS_PER_MONTH} h`),
    availability: explain('availability', availability, '', 'product over the nodes on the request path of P(enough replicas up to carry the load)', pathNodes.map((id) => input(id, nodes[id]!.availability, ''))),
  };
  return {
    loadRps, endToEnd: endToEndOut, maxThroughputRps, bottleneck, monthlyCostUsd, costPer1MUsd, gpuHoursPerMonth, availability,
    nodes, edges, warnings, explain: ex,
  };
}
