import { nonNegativeLeastSquares } from './leastSquares.ts';
import type { OperatorCosts } from './operatorCosts.ts';
import { fitRoofline, rooflineRow, type RooflineTerms } from './roofline.ts';

/** What a model costs per batch, from the suite builder or the FLOP counter (FLOPs: 1 MAC = 2). */
export interface ModelCost {
  flopsPerSample: number;
  fixedFlops: number;
  activationBytesPerSample: number;
  paramsBytes: number;
  /** Per-sample FLOPs by kernel class (costSplit); without it every FLOP counts as GEMM work. */
  split?: FlopSplit;
}

/** Per-sample FLOPs by the kind of kernel that runs them. */
export interface FlopSplit {
  gemm: number;
  conv: number;
  depthwise: number;
  other: number;
  /** Operators one call runs (each has a launch cost). */
  nodes?: number;
  /** Bytes each operator writes per sample, in graph order (fp32 assumed): where the working set leaves the cache. */
  tensorBytes?: number[];
  /** Per-operator costs (operatorCosts.ts), for the 'roofline' set. */
  operators?: OperatorCosts;
}

/** The split of a cost, or all of it as GEMM work when the model carries none. */
export function splitOf(c: ModelCost): FlopSplit {
  return c.split ?? { gemm: c.flopsPerSample, conv: 0, depthwise: 0, other: 0 };
}

/** One measured (model, batch) point of one runtime + backend: the p50 in ms. */
export interface DevicePoint extends ModelCost {
  modelId: string;
  batch: number;
  ms: number;
}

/**
 * Which terms the device model uses:
 * - 'flops': latency = overhead + FLOPs/rate.
 * - 'flops+activations': adds B·activationBytesPerSample / bandwidth (activations written once per sample).
 * - 'flops+bytes': adds (paramsBytes + B·activationBytesPerSample) / bandwidth (weights read once per batch too).
 * On CPUs the weights mostly stay in cache and an embedding table is only touched where it is gathered, so the
 * weights term tends to hurt there; it helps where weights stream from memory on every batch.
 * - 'classes+activations', 'classes+memory': a rate per kernel class (below).
 * - 'roofline': costs each operator by what bounds it (weights, FLOPs, bytes moved, cache level) plus a per-call
 *   cost per input and per output byte (roofline.ts). Needs per-operator costs, which profiles record since it.
 * calibrate picks the set that predicts held-out models best on the device's own data (chooseFeatures).
 */
export type FeatureSet = 'flops' | 'flops+activations' | 'flops+bytes' | 'classes+activations' | 'classes+memory' | 'roofline';

/**
 * 'classes+activations' gives GEMM, dense conv, depthwise conv and other (elementwise, softmax, norms) FLOPs a rate
 * each: runtimes reach very different speeds on them (bench-feasibility §7), and one rate for all mispredicts a
 * model whose mix differs from the average. It needs every model's split (the suite and the FLOP counter give it).
 */
export const FEATURE_SETS: readonly FeatureSet[] = ['flops', 'flops+activations', 'flops+bytes', 'classes+activations', 'classes+memory', 'roofline'];

/**
 * 'classes+memory' adds a cost per operator launch and the bytes of every operator output too big for the cache
 * ("spill"): an elementwise chain that fits in cache at batch 4 runs several times slower per byte at batch 64.
 * The cache size is not known in a browser, so the fit tries these thresholds and keeps the one that fits best.
 */
export const SPILL_THRESHOLDS_BYTES: readonly number[] = [0.5e6, 1e6, 2e6, 4e6, 8e6, 16e6];

/** The class-based sets fit up to 8 coefficients, roofline 11: below about three points per coefficient they overfit. */
const MIN_POINTS_FOR_CLASSES = 24;
const MIN_POINTS_FOR_ROOFLINE = 33;

/** Sets that need every model's split (kernel classes, and for memory the operator sizes). */
const needsSplit = (f: FeatureSet) => f === 'classes+activations' || f === 'classes+memory' || f === 'roofline';
/** Whether every point carries what a set needs: 'roofline' the per-operator costs too (profiles before it lack them). */
const hasInputsFor = (f: FeatureSet, points: readonly DevicePoint[]) =>
  f === 'roofline'
    ? points.length >= MIN_POINTS_FOR_ROOFLINE && points.every((p) => p.split?.operators)
    : !needsSplit(f) || (points.length >= MIN_POINTS_FOR_CLASSES && points.every((p) => p.split));
export const DEFAULT_FEATURES: FeatureSet = 'flops+activations';

/**
 * A device-level latency model: latency(B) ≈ overheadMs + flops(B)/rate + bytes(B)/bandwidth, fitted by
 * non-negative least squares on relative error over every model and batch of one runtime + backend.
 * A rate is null when its term is not used (the feature set leaves it out, or NNLS put its cost at zero).
 */
export interface DeviceFit {
  overheadMs: number;
  gflopsEffective: number | null;
  gbPerSecEffective: number | null;
  features: FeatureSet;
  /** GFLOP/s per kernel class, with the 'classes+…' sets (gflopsEffective is then the rate over all measured FLOPs). */
  classRates?: Record<'gemm' | 'conv' | 'depthwise' | 'other', number | null>;
  /** 'classes+memory': ms per operator launch, and the spill threshold with its bandwidth. */
  perNodeMs?: number;
  spill?: { thresholdBytes: number; gbPerSec: number | null };
  /** 'roofline': its per-call, weight, special-operator and cache-tier terms (gbPerSecEffective is its base bandwidth). */
  roofline?: RooflineTerms;
}

export const flopsAt = (c: ModelCost, batch: number): number => c.fixedFlops + batch * c.flopsPerSample;
export const bytesAt = (c: ModelCost, batch: number): number => c.paramsBytes + batch * c.activationBytesPerSample;

/** The bytes term of a feature set: fixed (per batch) and per-sample parts. */
function bytesTerms(c: ModelCost, features: FeatureSet): { fixed: number; perSample: number } {
  if (features === 'flops') return { fixed: 0, perSample: 0 };
  return { fixed: features === 'flops+bytes' ? c.paramsBytes : 0, perSample: c.activationBytesPerSample };
}

/** Bytes of the operator outputs that exceed the threshold at this batch. */
function spillBytes(sp: FlopSplit, batch: number, threshold: number): number {
  let sum = 0;
  for (const t of sp.tensorBytes ?? []) if (batch * t > threshold) sum += batch * t;
  return sum;
}

/** Design-matrix row in ms-friendly units: [1, GFLOP, GB]. */
function featureRow(p: ModelCost, batch: number, features: FeatureSet, threshold = 0): number[] {
  if (features === 'classes+memory') {
    const sp = splitOf(p);
    return [1, sp.nodes ?? 0, (batch * sp.gemm) / 1e9, (batch * sp.conv) / 1e9, (batch * sp.depthwise) / 1e9, (batch * sp.other + p.fixedFlops) / 1e9, (batch * p.activationBytesPerSample) / 1e9, spillBytes(sp, batch, threshold) / 1e9];
  }
  if (features === 'classes+activations') {
    const sp = splitOf(p);
    // Fixed FLOPs (weight dequantisation) are elementwise work: they join 'other'.
    return [1, (batch * sp.gemm) / 1e9, (batch * sp.conv) / 1e9, (batch * sp.depthwise) / 1e9, (batch * sp.other + p.fixedFlops) / 1e9, (batch * p.activationBytesPerSample) / 1e9];
  }
  const row = [1, flopsAt(p, batch) / 1e9];
  if (features !== 'flops') {
    const b = bytesTerms(p, features);
    row.push((b.fixed + batch * b.perSample) / 1e9);
  }
  return row;
}

/** ms per GFLOP (or per GB) → GFLOP/s (GB/s); a zero cost means the term is absent. */
const rateOf = (msPerGiga: number | undefined): number | null => (msPerGiga && msPerGiga > 0 ? 1000 / msPerGiga : null);
const msPerGiga = (rate: number | null): number => (rate && rate > 0 ? 1000 / rate : 0);

/**
 * One rate for a class-based fit, to show and compare: all the measured FLOPs over the time the class rates give
 * them (ms per GFLOP for gemm, conv, depthwise, other). Null when no class has a cost.
 */
function blendedRate(points: readonly DevicePoint[], msPerGflop: readonly number[]): number | null {
  let gflop = 0;
  let ms = 0;
  for (const p of points) {
    const sp = splitOf(p);
    const parts = [sp.gemm, sp.conv, sp.depthwise, sp.other + p.fixedFlops / p.batch].map((f) => (p.batch * f) / 1e9);
    parts.forEach((g, i) => {
      gflop += g;
      ms += g * (msPerGflop[i] ?? 0);
    });
  }
  return ms > 0 ? (gflop / ms) * 1000 : null;
}

export function fitDevice(points: readonly DevicePoint[], features: FeatureSet = DEFAULT_FEATURES): DeviceFit {
  const good = points.filter((p) => Number.isFinite(p.ms) && p.ms > 0);
  if (good.length < 2) throw new RangeError(`a device fit needs at least 2 measured points (got ${good.length})`);
  if (features === 'roofline') return fitRooflineDevice(good);
  const x = features === 'classes+memory' ? [] : good.map((p) => featureRow(p, p.batch, features));
  const y = good.map((p) => p.ms);
  // Relative-error weights: the held-out target is a percentage, and latencies span 0.05 ms to 100 ms.
  const w = y.map((v) => 1 / (v * v));
  if (features === 'classes+memory') {
    let best: { c: number[]; loss: number; t: number } | null = null;
    for (const t of SPILL_THRESHOLDS_BYTES) {
      const s = nonNegativeLeastSquares(good.map((p) => featureRow(p, p.batch, features, t)), y, w);
      if (!best || s.loss < best.loss) best = { c: s.coef, loss: s.loss, t };
    }
    const c = best!.c;
    const classRates = { gemm: rateOf(c[2]), conv: rateOf(c[3]), depthwise: rateOf(c[4]), other: rateOf(c[5]) };
    return { overheadMs: c[0]!, perNodeMs: c[1]!, gflopsEffective: blendedRate(good, c.slice(2, 6)), gbPerSecEffective: rateOf(c[6]), features, classRates, spill: { thresholdBytes: best!.t, gbPerSec: rateOf(c[7]) } };
  }
  const c = nonNegativeLeastSquares(x, y, w).coef;
  if (features === 'classes+activations') {
    const classRates = { gemm: rateOf(c[1]), conv: rateOf(c[2]), depthwise: rateOf(c[3]), other: rateOf(c[4]) };
    return { overheadMs: c[0]!, gflopsEffective: blendedRate(good, c.slice(1, 5)), gbPerSecEffective: rateOf(c[5]), features, classRates };
  }
  return { overheadMs: c[0]!, gflopsEffective: rateOf(c[1]), gbPerSecEffective: features === 'flops' ? null : rateOf(c[2]), features };
}

/** The roofline fit as a DeviceFit: class rates where they fit the existing fields, the rest in `roofline`. */
function fitRooflineDevice(good: readonly DevicePoint[]): DeviceFit {
  const { grid, coef: c } = fitRoofline(good.map((p) => ({ ...p, split: splitOf(p) })));
  const classRates = { gemm: rateOf(c[2]), conv: rateOf(c[3]), depthwise: rateOf(c[4]), other: null };
  const roofline: RooflineTerms = {
    ...grid, perInputMs: c[1]!, outputGbPerSec: rateOf(c[6]), specialNsPerElement: c[5]!, tier1GbPerSec: rateOf(c[8]), tier2GbPerSec: rateOf(c[9]), computeSpillGbPerSec: rateOf(c[10]),
  };
  return { overheadMs: c[0]!, gflopsEffective: blendedRate(good, [c[2]!, c[3]!, c[4]!, 0]), gbPerSecEffective: rateOf(c[7]), features: 'roofline', classRates, roofline };
}

/** A roofline fit's coefficients back in row order (see ROOFLINE_COLUMNS). */
function rooflineCoef(fit: DeviceFit, t: RooflineTerms): number[] {
  const r = fit.classRates;
  return [fit.overheadMs, t.perInputMs, msPerGiga(r?.gemm ?? null), msPerGiga(r?.conv ?? null), msPerGiga(r?.depthwise ?? null), t.specialNsPerElement, msPerGiga(t.outputGbPerSec), msPerGiga(fit.gbPerSecEffective), msPerGiga(t.tier1GbPerSec), msPerGiga(t.tier2GbPerSec), msPerGiga(t.computeSpillGbPerSec)];
}

/** Predicted latency of one batch, in ms. */
export function predictLatency(fit: DeviceFit, cost: ModelCost, batch: number): number {
  if (fit.features === 'roofline' && fit.roofline) {
    const coef = rooflineCoef(fit, fit.roofline);
    return rooflineRow(cost, splitOf(cost), batch, fit.roofline).reduce((a, x, i) => a + x * coef[i]!, 0);
  }
  if (fit.features === 'classes+memory') {
    const r = fit.classRates;
    const coef = [fit.overheadMs, fit.perNodeMs ?? 0, msPerGiga(r?.gemm ?? null), msPerGiga(r?.conv ?? null), msPerGiga(r?.depthwise ?? null), msPerGiga(r?.other ?? null), msPerGiga(fit.gbPerSecEffective), msPerGiga(fit.spill?.gbPerSec ?? null)];
    return featureRow(cost, batch, fit.features, fit.spill?.thresholdBytes ?? 0).reduce((a, x, i) => a + x * coef[i]!, 0);
  }
  const { aMs, bMs } = deviceLine(fit, cost);
  return aMs + bMs * batch;
}

/** Batch sizes a straight-line summary of a non-linear fit is fitted over (a model server's usual range). */
const LINE_BATCHES = [1, 2, 4, 8, 16, 32] as const;

/** The device fit as latency(B) = aMs + bMs·B for one model: a holds the per-batch parts, b the per-sample ones. */
export function deviceLine(fit: DeviceFit, cost: ModelCost): { aMs: number; bMs: number } {
  if (fit.features === 'classes+memory' || (fit.features === 'roofline' && fit.roofline)) {
    // The spill (and the roofline's weight) terms bend the curve; the capacity engine takes a line, so fit one to the
    // curve over B = 1…32 (a, b ≥ 0, relative error), exact when nothing bends.
    const w = LINE_BATCHES.map((b) => predictLatency(fit, cost, b));
    const line = nonNegativeLeastSquares(LINE_BATCHES.map((b) => [1, b]), w, w.map((v) => (v > 0 ? 1 / (v * v) : 1))).coef;
    return { aMs: line[0]!, bMs: line[1]! };
  }
  if (fit.features === 'classes+activations' && fit.classRates) {
    const r = fit.classRates;
    const sp = splitOf(cost);
    const per = (rate: number | null) => msPerGiga(rate) / 1e9;
    const bMs = sp.gemm * per(r.gemm) + sp.conv * per(r.conv) + sp.depthwise * per(r.depthwise) + sp.other * per(r.other) + cost.activationBytesPerSample * (msPerGiga(fit.gbPerSecEffective) / 1e9);
    return { aMs: fit.overheadMs + cost.fixedFlops * per(r.other), bMs };
  }
  const f = msPerGiga(fit.gflopsEffective) / 1e9;
  const m = msPerGiga(fit.gbPerSecEffective) / 1e9;
  const b = bytesTerms(cost, fit.features);
  return { aMs: fit.overheadMs + cost.fixedFlops * f + b.fixed * m, bMs: cost.flopsPerSample * f + b.perSample * m };
}

export interface HeldOutRow {
  modelId: string;
  batch: number;
  measuredMs: number;
  predictedMs: number;
  /** (predicted − measured) / measured · 100. */
  errPct: number;
}

export interface ErrorSummary {
  medianAbsErrPct: number;
  /** Fraction (0..1) of rows with |err| ≤ 10%. */
  shareWithin10: number;
  worstAbsErrPct: number;
}

export interface HeldOutReport extends ErrorSummary {
  rows: HeldOutRow[];
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function summarizeErrors(rows: readonly HeldOutRow[]): ErrorSummary {
  if (rows.length === 0) return { medianAbsErrPct: 0, shareWithin10: 0, worstAbsErrPct: 0 };
  const abs = rows.map((r) => Math.abs(r.errPct));
  return { medianAbsErrPct: median(abs), shareWithin10: abs.filter((e) => e <= 10).length / abs.length, worstAbsErrPct: Math.max(...abs) };
}

function predictRows(fit: DeviceFit, points: readonly DevicePoint[]): HeldOutRow[] {
  return points.map((p) => {
    const predictedMs = predictLatency(fit, p, p.batch);
    return { modelId: p.modelId, batch: p.batch, measuredMs: p.ms, predictedMs, errPct: ((predictedMs - p.ms) / p.ms) * 100 };
  });
}

/** Fit on every model except the held-out ones, then predict the held-out ones. Holds out whole models, never batches. */
export function heldOutCheck(points: readonly DevicePoint[], holdOutModelIds: readonly string[], features: FeatureSet = DEFAULT_FEATURES): HeldOutReport & { fit: DeviceFit } {
  const out = new Set(holdOutModelIds);
  const train = points.filter((p) => !out.has(p.modelId));
  const test = points.filter((p) => out.has(p.modelId));
  const fit = fitDevice(train, features);
  const rows = predictRows(fit, test);
  return { fit, rows, ...summarizeErrors(rows) };
}

export interface LeaveOneOutReport extends HeldOutReport {
  method: 'leave-one-model-out';
  features: FeatureSet;
  perModel: ({ modelId: string } & ErrorSummary)[];
  /** Models in every fit and never held out (the device probes); absent when there are none. */
  alwaysFitted?: string[];
}

/**
 * For every model: fit on all the others, predict it. The summary is over all rows of all models. Models in
 * `alwaysFit` (micro-benchmarks of the device, not models anyone predicts) are in every fit and never predicted.
 */
export function leaveOneModelOut(points: readonly DevicePoint[], features: FeatureSet = DEFAULT_FEATURES, alwaysFit: readonly string[] = []): LeaveOneOutReport {
  const fixed = alwaysFit.filter((id) => points.some((p) => p.modelId === id));
  const ids = [...new Set(points.map((p) => p.modelId))].filter((id) => !fixed.includes(id));
  if (ids.length < 2) throw new RangeError('leave-one-model-out needs at least two models');
  const rows: HeldOutRow[] = [];
  const perModel: LeaveOneOutReport['perModel'] = [];
  for (const id of ids) {
    const r = heldOutCheck(points, [id], features).rows;
    rows.push(...r);
    perModel.push({ modelId: id, ...summarizeErrors(r) });
  }
  return { method: 'leave-one-model-out', features, rows, perModel, ...summarizeErrors(rows), ...(fixed.length ? { alwaysFitted: fixed } : {}) };
}

/**
 * The feature set whose leave-one-model-out check is best on these points: lowest median |error|, then the larger
 * share within ±10%, then the simpler set (candidates are tried simplest first). Choosing among three on the same
 * check makes its figure slightly optimistic. On this project's 2-vCPU machine (14 suite models, 1 thread, five runs)
 * 'flops+activations' won every time among the first three: median |error| 11–15% on onnxruntime-node and 8–17% on
 * Chromium wasm, against 27% and 15–32% for 'flops' and 26–30% and 16–36% for 'flops+bytes'. On one recorded run
 * (tests/unit/calibration/fixtures) 'roofline' gets 4.6% (81% of points within ±10%) on node and 2.9% (88%) on
 * wasm, against 9.1% (52%) and 4.9% (81%) for the best class-based set.
 */
export function chooseFeatures(
  points: readonly DevicePoint[],
  candidates: readonly FeatureSet[] = FEATURE_SETS.filter((f) => hasInputsFor(f, points)),
  alwaysFit: readonly string[] = [],
): { features: FeatureSet; reports: Record<string, LeaveOneOutReport> } {
  const reports: Record<string, LeaveOneOutReport> = {};
  let best: FeatureSet = candidates[0]!;
  for (const f of candidates) {
    const r = (reports[f] = leaveOneModelOut(points, f, alwaysFit));
    const b = reports[best]!;
    if (r.medianAbsErrPct < b.medianAbsErrPct - 1e-9 || (Math.abs(r.medianAbsErrPct - b.medianAbsErrPct) <= 1e-9 && r.shareWithin10 > b.shareWithin10)) best = f;
  }
  return { features: best, reports };
}
