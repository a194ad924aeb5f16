import { nonNegativeLeastSquares } from './leastSquares.ts';
import type { OperatorCosts } from './operatorCosts.ts';
import type { FlopSplit, ModelCost } from './predict.ts';

/**
 * The 'roofline' device model: one call costs
 *
 *   overhead + inputs·perInput + outputBytes/outputBandwidth                  per call: feeds in, results out
 *   + Σ_GEMM max(FLOPs, weightBytes·I)/gemmRate                               weights are read once per call
 *   + convFLOPs/convRate + depthwiseFLOPs/depthwiseRate
 *   + specialElements·costPerElement                                          LayerNorm, Softmax, Erf…
 *   + Σ_memory-bound ops bytes/bandwidth                                      Add, Clip, Transpose, MaxPool…
 *       + Σ_{tensor > T1} bytes/bw1 + Σ_{tensor > T2} bytes/bw2               …slower once they leave a cache
 *   + Σ_{GEMM, conv: output > T2} outputBytes/spillBandwidth                  results too big for the outer cache
 *
 * Why each term, from onnxruntime-node 1.30 and onnxruntime-web (wasm), 1 thread, on a 2-vCPU EPYC:
 * - a call costs ~13 µs plus ~2.5 µs per extra graph input, and the output is copied out of the runtime at a few
 *   GB/s: 4 MB of output cost more than the Relu that computed them;
 * - a GEMM against constant weights reads every weight once per call: mlp-s takes 41 µs at batch 1 and 45 µs at
 *   batch 4, bound by its 1 MB of weights; from batch 16 its FLOPs dominate. I = gemmRate / weight bandwidth is
 *   the break-even intensity;
 * - an elementwise chain moves ~70 GB/s while its tensors stay in cache and half that past the outer cache
 *   (eltwise-s at batch 64: 12.8 MB tensors); GEMMs and convolutions slow down the same way once their outputs no
 *   longer fit (matmul-s, dwconv-s at batch 64), which pins T2 from several model families at once;
 * - a LayerNorm costs ~6 ns per element on onnxruntime-node, 30× an Add of the same size, where FLOPs say 5.
 * I, T1 and T2 come from short lists (a browser cannot ask for its cache sizes), the eleven coefficients from
 * non-negative least squares on relative error.
 */

/** FLOPs per weight byte below which a GEMM is taken to be bound by reading its weights. 0: never. */
export const WEIGHT_INTENSITIES: readonly number[] = [0, 1, 2, 4];
/** Largest activation tensor above which an operator streams from past the inner (L2-sized) cache… */
export const TIER1_BYTES: readonly number[] = [0.25e6, 0.5e6, 1e6, 2e6];
/** …and past the outer (L3-sized) one. */
export const TIER2_BYTES: readonly number[] = [2e6, 4e6, 8e6, 16e6];

export interface RooflineGrid {
  weightFlopsPerByte: number;
  tier1Bytes: number;
  tier2Bytes: number;
}

export const ROOFLINE_GRID: readonly RooflineGrid[] = WEIGHT_INTENSITIES.flatMap((weightFlopsPerByte) =>
  TIER1_BYTES.flatMap((tier1Bytes) => TIER2_BYTES.filter((t2) => t2 > tier1Bytes).map((tier2Bytes) => ({ weightFlopsPerByte, tier1Bytes, tier2Bytes }))),
);

/** The fitted coefficients beyond those a DeviceFit already carries. A bandwidth is null when its term is unused. */
export interface RooflineTerms extends RooflineGrid {
  perInputMs: number;
  outputGbPerSec: number | null;
  /** ns per output element of normalisation and transcendental operators. */
  specialNsPerElement: number;
  /** Extra cost of memory-bound bytes past tier1Bytes and past tier2Bytes (on top of the base bandwidth). */
  tier1GbPerSec: number | null;
  tier2GbPerSec: number | null;
  /** Extra cost of GEMM and conv outputs past tier2Bytes. */
  computeSpillGbPerSec: number | null;
}

/** Row order; units: ms, ms per input, ms per GFLOP (gemm, conv, depthwise), ms per 1e6 elements, ms per GB. */
export const ROOFLINE_COLUMNS = ['overhead', 'inputs', 'gemm', 'conv', 'depthwise', 'special', 'output', 'memory', 'tier1', 'tier2', 'computeSpill'] as const;

/**
 * A model without per-operator costs (a catalog model, a profile measured before this model) is costed as one
 * GEMM without weights and its activations at the base bandwidth, one input, no output cost and no cache tier:
 * its operator sizes are unknown.
 */
function fallbackOperators(c: ModelCost, sp: FlopSplit): OperatorCosts {
  return { gemm: [[sp.gemm, 0, 0]], conv: [], memory: [[c.activationBytesPerSample, 0]], specialElements: 0, inputs: 1, outputBytes: 0 };
}

/**
 * One design-matrix row at a batch size (ROOFLINE_COLUMNS). Fixed FLOPs (int8 weight dequantisation) are not
 * charged: the calibration suite is fp32, so nothing here could fit their rate.
 */
export function rooflineRow(c: ModelCost, sp: FlopSplit, batch: number, g: RooflineGrid): number[] {
  const ops = sp.operators ?? fallbackOperators(c, sp);
  let gemm = 0;
  let spill = 0;
  for (const [flops, weightBytes, out] of ops.gemm) {
    gemm += Math.max(batch * flops, weightBytes * g.weightFlopsPerByte);
    if (batch * out > g.tier2Bytes) spill += batch * out;
  }
  for (const out of ops.conv) if (batch * out > g.tier2Bytes) spill += batch * out;
  let memory = 0;
  let tier1 = 0;
  let tier2 = 0;
  for (const [bytes, largest] of ops.memory) {
    memory += batch * bytes;
    if (!sp.operators) continue;
    if (batch * largest > g.tier1Bytes) tier1 += batch * bytes;
    if (batch * largest > g.tier2Bytes) tier2 += batch * bytes;
  }
  const giga = (v: number) => v / 1e9;
  return [1, ops.inputs, giga(gemm), giga(batch * sp.conv), giga(batch * sp.depthwise), (batch * ops.specialElements) / 1e6, giga(batch * ops.outputBytes), giga(memory), giga(tier1), giga(tier2), giga(spill)];
}

export interface RooflineSolution {
  grid: RooflineGrid;
  /** In ROOFLINE_COLUMNS order. */
  coef: number[];
}

/** Fits every grid point by NNLS on relative error and keeps the one with the least loss. */
export function fitRoofline(points: readonly (ModelCost & { batch: number; ms: number; split: FlopSplit })[]): RooflineSolution {
  const y = points.map((p) => p.ms);
  const w = y.map((v) => 1 / (v * v));
  let best: (RooflineSolution & { loss: number }) | null = null;
  for (const grid of ROOFLINE_GRID) {
    const s = nonNegativeLeastSquares(points.map((p) => rooflineRow(p, p.split, p.batch, grid)), y, w);
    if (!best || s.loss < best.loss * (1 - 1e-12)) best = { grid, coef: s.coef, loss: s.loss };
  }
  return { grid: best!.grid, coef: best!.coef };
}
