/**
 * Layers shared by the families: dense (fp32, or int8 the way onnxruntime's quantize_dynamic writes it)
 * and symmetric per-tensor weight quantization.
 */
import type { GraphBuilder } from '../../domain/onnx/build.ts';
import { DataType } from '../../domain/onnx/types.ts';
import type { SuitePrecision } from './types.ts';

/** The three outputs of DynamicQuantizeLinear: uint8 values, scale, zero point. */
export type DynamicQuantized = [string, string, string];

/**
 * The int8 weight range. 7 bits, as onnxruntime's quantizer does with reduce_range: its x86 u8×s8 kernels
 * add pairs of u8·s8 products in int16 (vpmaddubsw), which saturates for full-range weights (255·127·2 >
 * 32767). Measured here: full-range int8 weights gave 20% error in the first layer of mlp-s, 7-bit 1%.
 */
export const INT8_WEIGHT_MAX = 63;

/** Symmetric per-tensor quantization: scale = max|w| / INT8_WEIGHT_MAX, q = round(w / scale). */
export function quantizeSymmetric(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i] as number));
  const scale = Math.fround(max > 0 ? max / INT8_WEIGHT_MAX : 1);
  const inv = 1 / scale;
  const q = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.max(-INT8_WEIGHT_MAX, Math.min(INT8_WEIGHT_MAX, Math.round((w[i] as number) * inv)));
  return { q, scale };
}

export interface DenseOptions {
  precision: SuitePrecision;
  /** Weights are drawn from U(-weightScale, weightScale), biases from U(-biasScale, biasScale). */
  weightScale: number;
  biasScale: number;
  /** int8 only: reuse one DynamicQuantizeLinear of the input across several layers (as Q/K/V do). */
  quantizedInput?: DynamicQuantized;
}

/** Kaiming-uniform bound for a layer followed by ReLU, keeps activations at a steady scale. */
export function kaiming(fanIn: number): number {
  return Math.sqrt(6 / fanIn);
}

/**
 * y = x·W + b with W stored [in, out].
 * fp32: Gemm for 2-D x, MatMul + Add otherwise.
 * int8: DynamicQuantizeLinear(x) → MatMulInteger(x_q, W_q int8) → Cast → Mul(x_scale·w_scale) → Add(b).
 */
export function dense(g: GraphBuilder, x: string, inF: number, outF: number, opts: DenseOptions): string {
  // Draw weights before biases in every precision so fp32 and int8 hold the same values.
  const w = g.randomFloats(inF * outF, opts.weightScale);
  const b = g.randomFloats(outF, opts.biasScale);
  const bias = g.floatTensor('bias', [outF], b);
  if (opts.precision === 'fp32') {
    const weight = g.floatTensor('weight', [inF, outF], w);
    if (g.shape(x).length === 2) return g.gemm(x, weight, bias);
    return g.add(g.matMul(x, weight), bias);
  }
  const [xq, xScale, xZero] = opts.quantizedInput ?? g.dynamicQuantizeLinear(x);
  const { q, scale } = quantizeSymmetric(w);
  const wq = g.int8Tensor('weight_q', [inF, outF], q);
  const wScale = g.floatTensor('weight_scale', [], [scale]);
  const acc = g.matMulInteger(xq, wq, xZero, g.scalar(0, DataType.INT8, 'zero_i8'));
  const combined = g.mul(xScale, wScale, 'out_scale');
  return g.add(g.mul(g.cast(acc, DataType.FLOAT), combined), bias);
}
