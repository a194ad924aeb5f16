import { convolveMixtures, maybeExp, mixtureCumulants, mixtureQuantile, serviceMixture, type Mixture } from './mixture.ts';

/**
 * Erlang B by its recursion B(k) = A·B(k−1) / (k + A·B(k−1)), which never forms A^c or c! and so stays
 * stable for c up to 100,000. Past the offered load the terms shrink fast; once negligible the rest of the
 * recursion cannot make them matter, so we stop early.
 */
export function erlangB(c: number, A: number): number {
  if (A <= 0) return 0;
  let b = 1;
  for (let k = 1; k <= c; k++) {
    b = (A * b) / (k + A * b);
    if (k > A && b < 1e-300) return 0;
  }
  return b;
}

/** Probability an arrival waits in M/M/c: C = c·B / (c − A·(1 − B)); 1 when A ≥ c (no steady state). */
export function erlangC(c: number, A: number): number {
  if (A <= 0) return 0;
  if (A >= c) return 1;
  const b = erlangB(c, A);
  return Math.min(1, (c * b) / (c - A * (1 - b)));
}

export interface QueueInput {
  servers: number;
  arrivalRps: number;
  serviceMs: number;
  /** Coefficient of variation of service time: 0 deterministic (GPU), 1 exponential. Default 1. */
  serviceCv?: number;
  /** Coefficient of variation of inter-arrival times: 1 for Poisson (default). */
  arrivalCv?: number;
}

export interface QueueMetrics {
  utilization: number;
  saturated: boolean;
  /** Erlang C: probability an arrival has to wait. */
  probWait: number;
  meanWaitMs: number | null;
  p99WaitMs: number | null;
  meanResponseMs: number | null;
  p50ResponseMs: number | null;
  p99ResponseMs: number | null;
  /** Arrival rate at which utilisation reaches 1: servers / service time. */
  maxRps: number;
  /** Mean number in system by Little's law, L = λ·W. */
  meanInSystem: number | null;
  /** Response-time distribution (null when saturated). */
  dist: Mixture | null;
  /** Mean wait if waiting: the exponential tail's mean, (1/(cμ − λ))·(Ca² + Cs²)/2. */
  conditionalWaitMs: number;
}

/**
 * G/G/c by Allen–Cunneen: P(wait) from Erlang C, and the M/M/c wait scaled by (Ca² + Cs²)/2. The wait, given
 * that there is one, is exponential with rate (cμ − λ)·2/(Ca² + Cs²), so P(Wq > t) = C·e^{−t/m}.
 * Response = service + wait, with service matched on its mean and CV, so a deterministic GPU stage gets no
 * exponential service tail.
 */
export function queueMetrics(input: QueueInput): QueueMetrics {
  const q = queueCore(input);
  if (!q.dist) return { ...q, p50ResponseMs: null, p99ResponseMs: null };
  return { ...q, p50ResponseMs: mixtureQuantile(q.dist, 0.5), p99ResponseMs: mixtureQuantile(q.dist, 0.99) };
}

/** Everything but the quantiles (which cost a root search); sizing loops use this. */
export function queueCore(input: QueueInput): Omit<QueueMetrics, 'p50ResponseMs' | 'p99ResponseMs'> {
  const { servers: c, serviceMs: s } = input;
  const lambda = Math.max(0, input.arrivalRps) / 1000; // per ms
  const cs = input.serviceCv ?? 1;
  const ca = input.arrivalCv ?? 1;
  const A = lambda * s;
  const utilization = c > 0 ? A / c : Infinity;
  const maxRps = s > 0 ? (c / s) * 1000 : Infinity;
  if (utilization >= 1) {
    return {
      utilization, saturated: true, probWait: 1, meanWaitMs: null, p99WaitMs: null, meanResponseMs: null,
      maxRps, meanInSystem: null, dist: null, conditionalWaitMs: Infinity,
    };
  }
  const probWait = erlangC(c, A);
  const scale = (ca * ca + cs * cs) / 2;
  const conditionalWaitMs = c - A > 0 ? (s / (c - A)) * scale : 0;
  const dist = convolveMixtures(serviceMixture(s, cs), maybeExp(probWait, conditionalWaitMs));
  const meanResponseMs = mixtureCumulants(dist)[0];
  return {
    utilization, saturated: false, probWait, meanWaitMs: probWait * conditionalWaitMs,
    p99WaitMs: probWait > 0.01 && conditionalWaitMs > 0 ? conditionalWaitMs * Math.log(probWait / 0.01) : 0,
    meanResponseMs, maxRps, meanInSystem: lambda * meanResponseMs, dist, conditionalWaitMs,
  };
}
