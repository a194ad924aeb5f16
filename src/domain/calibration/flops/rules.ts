/**
 * Shape and FLOP rules per op type.
 *
 * FLOP conventions (shared with the benchmark model builders; they must agree exactly). A multiply-add is 2 FLOPs,
 * |t| is the element count of tensor t.
 *
 * | op                                                  | FLOPs                                              |
 * |-----------------------------------------------------|----------------------------------------------------|
 * | MatMul, MatMulInteger, QLinearMatMul                | 2·|out|·K (K the reduced dim)                      |
 * | Gemm                                                | 2·|out|·K, + |out| with a bias C                   |
 * | Conv, ConvInteger, QLinearConv                      | 2·|out|·(Cin/group)·prod(kernel), + |out| for bias |
 * | ConvTranspose                                       | 2·|in|·(Cout/group)·prod(kernel), + |out| for bias |
 * | elementwise math (COUNTED_ELEMENTWISE, Gelu = 1 op) | |out|                                              |
 * | Softmax, LogSoftmax                                 | 3·|out|                                            |
 * | LayerNormalization                                  | 5·|out|                                            |
 * | BatchNormalization, InstanceNormalization           | 2·|out|                                            |
 * | MaxPool, AveragePool, LpPool                        | |out|·prod(kernel)                                 |
 * | GlobalAverage/MaxPool, ReduceMean/Sum/Max/Min/Prod/L2/LogSumExp | |input|                                |
 * | QuantizeLinear, DequantizeLinear                    | 2·|out|                                            |
 * | DynamicQuantizeLinear                               | 4·|x|                                              |
 * | Resize, Upsample                                    | |out|                                              |
 * | LSTM / GRU / RNN, per direction·step·batch row      | 8H(I+H)+10H / 6H(I+H)+9H / 2H(I+H)+2H              |
 * | data movement, shape ops, Cast, Dropout, TopK...    | 0                                                  |
 * | If: the branch taken (then_branch when unknown); Loop: the body once; both with a warning                |
 * | anything else                                       | 0, reported as "not counted: OpType"               |
 *
 * Per sample (count.ts): F(B) is the total at batch B; flopsPerSample = F(2) − F(1), fixedFlops = 2·F(1) − F(2),
 * so weight-only work (dequantising an initializer) is fixed, not per sample. Activation bytes use the same difference.
 */
import { conv, convInteger, convTranspose, globalPool, pool, qlinearConv } from './ops/conv.ts';
import { biasGelu, fastGelu, fusedConv, fusedGemm, gelu, skipLayerNorm } from './ops/contrib.ts';
import { ifRule, loop } from './ops/control.ts';
import { concat, depthToSpace, expand, gather, gatherElements, gatherND, nonZero, pad, sameAsFirstUncounted, slice, split, tile } from './ops/data.ts';
import { COUNTED_ELEMENTWISE, elementwiseRule, UNCOUNTED_ELEMENTWISE } from './ops/elementwise.ts';
import { cast, constant, constantOfShape, eyeLike, range, shape, size, topK } from './ops/generators.ts';
import { fusedMatmul, gemm, matmul, matmulInteger, qlinearMatmul } from './ops/matmul.ts';
import { dequantizeLinear, dynamicQuantizeLinear, quantizeLinear } from './ops/quantize.ts';
import { recurrent } from './ops/recurrent.ts';
import { argMax, batchNorm, layerNorm, normUncounted, reduce, softmax } from './ops/reduce.ts';
import { flatten, identity, reshape, squeeze, transpose, unsqueeze } from './ops/reshape.ts';
import { resize } from './ops/resize.ts';
import type { OpRule } from './opContext.ts';

const table: Record<string, OpRule> = {
  MatMul: matmul,
  MatMulInteger: matmulInteger,
  QLinearMatMul: qlinearMatmul,
  Gemm: gemm,
  Conv: conv,
  ConvInteger: convInteger,
  QLinearConv: qlinearConv,
  ConvTranspose: convTranspose,
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  GlobalLpPool: globalPool,
  Softmax: softmax,
  LogSoftmax: softmax,
  LayerNormalization: layerNorm,
  BatchNormalization: batchNorm,
  InstanceNormalization: batchNorm,
  GroupNormalization: normUncounted,
  LpNormalization: normUncounted,
  LRN: normUncounted,
  MeanVarianceNormalization: normUncounted,
  Hardmax: normUncounted,
  QuantizeLinear: quantizeLinear,
  DequantizeLinear: dequantizeLinear,
  DynamicQuantizeLinear: dynamicQuantizeLinear,
  Resize: resize,
  Upsample: resize,
  LSTM: recurrent,
  GRU: recurrent,
  RNN: recurrent,
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: squeeze,
  Unsqueeze: unsqueeze,
  Transpose: transpose,
  Identity: identity,
  Dropout: identity,
  Concat: concat,
  Split: split,
  Slice: slice,
  Pad: pad,
  Tile: tile,
  Expand: expand,
  Gather: gather,
  GatherElements: gatherElements,
  GatherND: gatherND,
  ScatterND: sameAsFirstUncounted,
  ScatterElements: sameAsFirstUncounted,
  Scatter: sameAsFirstUncounted,
  CumSum: sameAsFirstUncounted,
  Trilu: sameAsFirstUncounted,
  DepthToSpace: depthToSpace,
  SpaceToDepth: depthToSpace,
  NonZero: nonZero,
  Constant: constant,
  ConstantOfShape: constantOfShape,
  Range: range,
  Shape: shape,
  Size: size,
  Cast: cast,
  CastLike: cast,
  TopK: topK,
  EyeLike: eyeLike,
  ArgMax: argMax,
  ArgMin: argMax,
  If: ifRule,
  Loop: loop,
  'com.microsoft:FusedConv': fusedConv,
  'com.microsoft:FusedGemm': fusedGemm,
  'com.microsoft:FusedMatMul': fusedMatmul,
  'com.microsoft:Gelu': gelu,
  'com.microsoft:BiasGelu': biasGelu,
  'com.microsoft:FastGelu': fastGelu,
  'com.microsoft:SkipLayerNormalization': skipLayerNorm,
};
for (const op of ['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL2', 'ReduceLogSumExp', 'ReduceL1', 'ReduceSumSquare', 'ReduceLogSum']) table[op] = reduce;
for (const op of COUNTED_ELEMENTWISE) table[op] = elementwiseRule(op, true);
for (const op of UNCOUNTED_ELEMENTWISE) table[op] = elementwiseRule(op, false);

/** The rule for a node, by domain and op type; undefined for ops this counter does not know. */
export function ruleFor(domain: string | undefined, opType: string): OpRule | undefined {
  if (!domain || domain === 'ai.onnx') return table[opType];
  return table[`${domain}:${opType}`];
}
