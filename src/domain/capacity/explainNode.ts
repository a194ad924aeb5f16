import { HOURS_PER_MONTH } from '../catalog/instances.ts';
import { explain, input, type Explanation } from './explain.ts';
import type { FlowEdge } from './flow.ts';
import type { StationMetrics } from './metrics.ts';
import type { Station } from './resolve.ts';
import { MEMORY_EFFICIENCY } from './roofline.ts';

export interface NodeContext {
  loadRps: number;
  visits: number;
  arrivalRps: number;
  incoming: FlowEdge[];
  replicasNeeded: number;
  byUtilization: number;
  byBudget: number | null;
  budgetShareMs: number | null;
  target: number;
  carry: number;
  availability: number;
  monthlyCostUsd: number;
}

const SAT = 'saturated (ρ ≥ 1): the queue grows without bound, so the latency has no finite value';

/** The "why" behind each number of one node. */
export function explainNode(st: Station, m: StationMetrics, c: NodeContext): Record<string, Explanation> {
  const b = st.batch;
  const s = st.kind?.sources ?? {};
  const out: Record<string, Explanation> = {};
  const lam = input('λ (arrival rate)', c.arrivalRps, 'req/s');
  const servers = b ? `replicas × model instances = ${st.replicas} × ${b.instances}` : `replicas × concurrency = ${st.replicas} × ${st.serversPerReplica}`;
  out.arrivalRps = explain('arrival rate', c.arrivalRps, 'req/s', 'λ = load × visits per request; visits add over callers: caller visits × callsPerRequest × (1 − hitRatio)', [
    input('load', c.loadRps, 'req/s'),
    input('visits per request', c.visits, ''),
    ...c.incoming.map((e) => input(`calls from ${e.from} (after cache hits)`, e.calls, 'per visit')),
  ]);
  out.servers = explain('parallel servers', m.servers, '', `c = ${servers}`);
  if (b) {
    const t = b.terms;
    const inputs = b.source === 'profile'
      ? [input('profile', b.profileLabel ?? 'calibration', ''), input('a', b.aMs, 'ms'), input('b', b.bMs, 'ms/sample')]
      : t && b.setup
        ? [
            input('FLOPs per sample (2 per MAC)', t.flopsPerSample, 'FLOP', b.setup.model.macsSource),
            input(`peak ${b.setup.precisionUsed} on ${b.setup.hardware.id}`, t.peakTflops.value, 'TFLOP/s', t.peakTflops.source),
            input(`efficiency of ${b.setup.stack.id}`, t.efficiency.value, '', t.efficiency.source),
            input('weight bytes', t.weightBytes, 'B', b.setup.model.params.source),
            input('bytes per sample (activations, KV cache, lookups)', t.bytesPerSample, 'B', b.setup.model.activationSource),
            input('memory bandwidth', b.setup.hardware.memoryBandwidthGBps.value, 'GB/s', b.setup.hardware.memoryBandwidthGBps.source),
            input('memory efficiency', MEMORY_EFFICIENCY.value, '', MEMORY_EFFICIENCY.source),
            input('batch overhead', t.batchOverheadMs, 'ms', b.setup.stack.batchOverheadMs.source),
            input('weight pass', t.weightPassMs, 'ms', b.setup.stack.weightPassGBps?.source),
          ]
        : [];
    const formula = b.source === 'profile' ? 'compute(B) = a + b·B from the calibration profile'
      : 'compute(B) = overhead + max(weight pass + B·FLOPs/(peak·η), (weights + B·bytes)/(BW·η_mem)); a, b = the line through B = 1 and B = maxBatch';
    out['batch.aMs'] = explain('fixed time per batch (a)', b.aMs, 'ms', formula, inputs);
    out['batch.bMs'] = explain('time per sample in a batch (b)', b.bMs, 'ms', formula, inputs);
    out.batch = explain('batching', m.effectiveBatch ?? 1, 'samples',
      `${formula}; under load the effective batch is B = clamp(max(1 + λw, λ(a + w)/(1 − λb)), 1, maxBatch)`,
      [input('a', b.aMs, 'ms'), input('b', b.bMs, 'ms/sample'), input('maxBatch', b.maxBatch, ''), input('w (batch window)', b.windowMs, 'ms'), ...inputs]);
    out['batch.effectiveBatch'] = explain('effective batch under load', m.effectiveBatch ?? 1, 'samples',
      'B = clamp(max(1 + λw, λ(a + w)/(1 − λb)), 1, maxBatch) per instance: while one batch runs, the next accumulates',
      [input('λ per instance', c.arrivalRps / Math.max(1, m.servers), 'req/s'), input('a', b.aMs, 'ms'), input('b', b.bMs, 'ms'), input('w (batch window)', b.windowMs, 'ms'), input('maxBatch', b.maxBatch, '')]);
  }
  const uFormula = b ? 'ρ = λ / maxRps: load relative to full batches on every instance' : 'ρ = λ·S / c';
  out.utilization = explain('utilisation', m.utilization, '', uFormula, b ? [lam, input('maxRps', m.maxRps, 'req/s')] : [lam, input('S (mean service)', st.serviceMs, 'ms', s.serviceMs), input('c', m.servers, '')]);
  const latInputs = b
    ? [lam, input('a', b.aMs, 'ms'), input('b', b.bMs, 'ms'), input('maxBatch', b.maxBatch, ''), input('request overhead + payload', b.delayMs, 'ms')]
    : [lam, input('S (mean service)', st.serviceMs, 'ms', s.serviceMs), input('Cs (service CV)', st.serviceCv, '', s.serviceCv), input('c', m.servers, ''), input('P(wait), Erlang C', m.probWait ?? null, '')];
  const latFormula = m.saturated ? SAT : b
    ? 'delay + window + (busy prob.)·U(0, compute(B)) + compute(B) + backlog Exp with mean ρ/(1−ρ)·T/(2·maxBatch), T = a + b·maxBatch'
    : 'T = service + wait; service matched on mean and CV; wait = 0 w.p. 1 − C, else Exp with mean (S/(c − λS))·(Ca² + Cs²)/2 (Erlang C, Allen–Cunneen)';
  out.meanMs = explain('mean response time', m.meanMs, 'ms', latFormula, latInputs);
  out.p50Ms = explain('median response time', m.p50Ms, 'ms', m.saturated ? SAT : `solve P(T > t) = 0.5 on the distribution: ${latFormula}`, latInputs);
  out.p99Ms = explain('p99 response time', m.p99Ms, 'ms', m.saturated ? SAT : `solve P(T > t) = 0.01 on the distribution: ${latFormula}`, latInputs);
  out.maxRps = explain('max throughput', m.maxRps, 'req/s', b ? 'replicas × instances × maxBatch / (a + b·maxBatch): arrival rate at which ρ reaches 1' : 'c / S: arrival rate at which ρ reaches 1',
    b ? [input('maxBatch', b.maxBatch, ''), input('a', b.aMs, 'ms'), input('b', b.bMs, 'ms')] : [input('c', m.servers, ''), input('S', st.serviceMs, 'ms', s.serviceMs)]);
  out.replicasNeeded = explain('replicas needed', c.replicasNeeded, 'replicas',
    'max(fewest replicas with ρ ≤ target, fewest whose p99 fits this node\'s share of the p99 budget); the share is proportional to its unloaded p99',
    [lam, input('target utilisation', c.target, ''), input('by utilisation', c.byUtilization, 'replicas'), input('by p99 budget', c.byBudget, 'replicas'), input('budget share', c.budgetShareMs, 'ms')]);
  out.monthlyCostUsd = explain('monthly cost', c.monthlyCostUsd, 'USD', `replicas × $/h × ${HOURS_PER_MONTH} h`, [input('replicas', st.replicas, ''), input('$/h per replica', st.costPerReplicaHour, 'USD/h', st.costSource)]);
  out.availability = explain('availability', c.availability, '', 'P(at least k of n replicas up) = Σ_{j≥k} C(n,j)·p^j·(1−p)^{n−j}; k = replicas needed to carry the load (ρ < 1)',
    [input('n (replicas)', st.replicas, ''), input('k', c.carry, ''), input('p (one replica up)', st.availability, '', s.availability)]);
  return out;
}
