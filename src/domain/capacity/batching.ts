import { convolveMixtures, deterministic, maybeExp, maybeUniform, mixtureCumulants, mixtureQuantile, type Mixture } from './mixture.ts';
import { linearFit, resolveSetup, rooflineTerms, type Profile, type SetupInput } from './roofline.ts';

export interface BatchingInput {
  /** Total arrival rate at the station. */
  arrivalRps: number;
  /** Independent batch servers (replicas × model instances); arrivals split evenly. */
  servers: number;
  aMs: number;
  bMs: number;
  maxBatch: number;
  windowMs: number;
  /** Per-request time outside the accelerator (network, payload); a pure delay. */
  delayMs: number;
  /** Skip p50/p99 (a root search each) when only the distribution is needed. Default true. */
  quantiles?: boolean;
}

export interface BatchingMetrics {
  effectiveBatch: number;
  /** Load relative to the most the station can sustain (full batches): λ / maxRps. */
  utilization: number;
  /** Fraction of time a server is busy with a batch or holding its window. */
  busyFraction: number;
  saturated: boolean;
  maxRps: number;
  meanMs: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  dist: Mixture | null;
  computeMs: number;
  windowWaitMs: number;
  queueWaitMs: number;
}

/**
 * Dynamic batching at one server (capacity-model §1.6), extended with the batching window:
 * - effective batch B = clamp(max(1 + λw, λ(a + w)/(1 − λb)), 1, maxBatch): while one batch runs (and the window
 *   is held), the next one accumulates;
 * - a request waits for the batch in progress (uniform residual, with the busy probability), then its own batch;
 * - near capacity a backlog builds: ρ² /(1 − ρ) · T/(2·maxBatch) with ρ = λ·T/maxBatch and T = a + b·maxBatch,
 *   which is exactly M/D/1 when maxBatch = 1 and grows without bound at ρ → 1 (λ < maxBatch/(a + b·maxBatch)).
 */
export function batchingMetrics(input: BatchingInput): BatchingMetrics {
  const { aMs: a, bMs: b, maxBatch: Bmax, windowMs: w, delayMs } = input;
  const K = Math.max(1, input.servers);
  const lambda = Math.max(0, input.arrivalRps) / 1000 / K; // per ms per server
  const fullMs = a + b * Bmax;
  const maxRps = ((K * Bmax) / fullMs) * 1000;
  const rhoMax = (lambda * fullMs) / Bmax;
  const wf = lambda > 0 ? Math.min(w, (Bmax - 1) / lambda) : w;
  const busy = lambda * b < 1 ? (lambda * (a + wf)) / (1 - lambda * b) : Infinity;
  const B = Math.min(Bmax, Math.max(1, 1 + lambda * wf, busy));
  const computeMs = a + b * B;
  const busyFraction = Math.min(1, (lambda * (wf + computeMs)) / B);
  if (rhoMax >= 1) {
    return {
      effectiveBatch: Bmax, utilization: rhoMax, busyFraction: 1, saturated: true, maxRps, meanMs: null, p50Ms: null, p99Ms: null,
      dist: null, computeMs: fullMs, windowWaitMs: 0, queueWaitMs: Infinity,
    };
  }
  const windowWaitMs = wf > 0 ? (wf * (B + 1)) / (2 * B) : 0;
  const backlogMean = (rhoMax / (1 - rhoMax)) * (fullMs / (2 * Bmax));
  const dist = convolveMixtures(convolveMixtures(deterministic(delayMs + windowWaitMs + computeMs), maybeUniform(busyFraction, computeMs)), maybeExp(rhoMax, backlogMean));
  const meanMs = mixtureCumulants(dist)[0];
  const quantiles = input.quantiles ?? true;
  return {
    effectiveBatch: B, utilization: rhoMax, busyFraction, saturated: false, maxRps, meanMs,
    p50Ms: quantiles ? mixtureQuantile(dist, 0.5) : null, p99Ms: quantiles ? mixtureQuantile(dist, 0.99) : null, dist, computeMs, windowWaitMs,
    queueWaitMs: meanMs - delayMs - windowWaitMs - computeMs,
  };
}

export interface ClosedLoopInput extends SetupInput {
  /** Clients each keeping one request outstanding (perf_analyzer concurrency mode). */
  concurrency: number;
  instances: number;
  maxBatch: number;
  windowMs?: number;
  profile?: Profile;
}

export interface ClosedLoopResult {
  throughputRps: number;
  latencyMs: number;
  p50LatencyMs: number;
  p99LatencyMs: number;
  effectiveBatch: number;
  utilization: number;
  aMs: number;
  bMs: number;
  delayMs: number;
  /** X·R by Little's law; equals the concurrency by construction. */
  inFlight: number;
  warnings: string[];
}

/**
 * N closed-loop clients against a dynamic batcher: find the throughput X with N = X·R(X), where R is the
 * open-loop response time at arrival rate X. X·R(X) rises from 0 to ∞ on [0, maxRps), so bisection finds the
 * unique steady state and Little's law holds by construction.
 */
export function serveClosedLoop(input: ClosedLoopInput): ClosedLoopResult {
  const setup = resolveSetup(input);
  const t = rooflineTerms(setup);
  const { aMs, bMs } = input.profile ?? linearFit(t, input.maxBatch);
  const delayMs = input.profile ? 0 : t.requestOverheadMs + t.transferPerSampleMs;
  const at = (x: number) =>
    batchingMetrics({ arrivalRps: x, servers: input.instances, aMs, bMs, maxBatch: input.maxBatch, windowMs: input.windowMs ?? 0, delayMs });
  const maxRps = at(0).maxRps;
  let lo = 0;
  let hi = maxRps;
  for (let i = 0; i < 100; i++) {
    const x = 0.5 * (lo + hi);
    const m = at(x);
    if (m.saturated || (x * (m.meanMs ?? Infinity)) / 1000 > input.concurrency) hi = x;
    else lo = x;
  }
  const X = lo;
  const m = at(X);
  const latencyMs = m.meanMs ?? Infinity;
  // Open-loop tails assume unbounded Poisson bursts; a closed loop has exactly N requests, so every client waits
  // about the same R = N/X and only the phase of its arrival within a batch cycle varies (≤ half a cycle).
  const p99LatencyMs = Math.min(m.p99Ms ?? Infinity, latencyMs + m.computeMs / 2);
  const p50LatencyMs = Math.min(m.p50Ms ?? Infinity, latencyMs);
  return {
    throughputRps: X, latencyMs, p50LatencyMs, p99LatencyMs,
    effectiveBatch: m.effectiveBatch, utilization: m.utilization, aMs, bMs, delayMs, inFlight: (X * latencyMs) / 1000,
    warnings: setup.warnings,
  };
}
