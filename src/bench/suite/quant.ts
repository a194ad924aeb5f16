/**
 * Static (QDQ) quantization helpers, in the layout onnxruntime's quantize_static writes: activations pass
 * through QuantizeLinear → DequantizeLinear (uint8), weights are int8 initializers behind DequantizeLinear,
 * biases int32 with scale x_scale·w_scale. onnxruntime fuses DQ → Conv/Gemm → Q into QLinearConv / QGemm.
 */
import type { GraphBuilder } from '../../domain/onnx/build.ts';
import { DataType } from '../../domain/onnx/types.ts';
import { quantizeSymmetric } from './layers.ts';

/** A uint8 activation quantization: real = (q − zeroPoint)·scale. */
export interface ActQuant {
  scale: number;
  zeroPoint: number;
}

/** Range [-1, 1), for inputs fed by makeFeedData. */
export const SIGNED_UNIT: ActQuant = { scale: Math.fround(2 / 255), zeroPoint: 128 };

/** Range [0, max] for ReLU outputs (zero point 0 lets onnxruntime drop the Relu into the quantized op). */
export function reluRange(max: number): ActQuant {
  return { scale: Math.fround(max / 255), zeroPoint: 0 };
}

/** x → QuantizeLinear → DequantizeLinear with shared scale/zero-point scalars. */
export function fakeQuant(g: GraphBuilder, x: string, aq: ActQuant): string {
  const scale = g.scalar(aq.scale, DataType.FLOAT, 'act_scale');
  const zero = g.scalar(aq.zeroPoint, DataType.UINT8, 'act_zero');
  return g.dequantizeLinear(g.quantizeLinear(x, scale, zero), scale, zero);
}

/** An int8 weight initializer behind DequantizeLinear (dequantized at run time: fixed work). */
export function dequantizedWeight(g: GraphBuilder, dims: number[], w: Float32Array): { name: string; scale: number } {
  const { q, scale } = quantizeSymmetric(w);
  const wq = g.int8Tensor('weight_q', dims, q);
  const s = g.floatTensor('weight_scale', [], [scale]);
  return { name: g.dequantizeLinear(wq, s, g.scalar(0, DataType.INT8, 'zero_i8')), scale };
}

/** An int32 bias with scale inputScale·weightScale behind DequantizeLinear. */
export function dequantizedBias(g: GraphBuilder, b: Float32Array, inputScale: number, weightScale: number): string {
  const scale = Math.fround(inputScale * weightScale);
  const q = Int32Array.from(b, (v) => Math.round(v / scale));
  const bq = g.int32Tensor('bias_q', [b.length], q);
  const s = g.floatTensor('bias_scale', [], [scale]);
  return g.dequantizeLinear(bq, s, g.scalar(0, DataType.INT32, 'zero_i32'));
}
