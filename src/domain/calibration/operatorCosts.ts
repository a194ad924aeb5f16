import type { Model } from '../onnx/types.ts';
import type { Inference, NodeRecord } from './flops/index.ts';

/**
 * What each operator of one call costs in the terms of a per-operator roofline (roofline.ts), per sample unless
 * said otherwise. Measured on onnxruntime (node and wasm, 1 thread) the suite's costs split this way:
 * - a GEMM against constant weights reads all its weights once per call, so at small batch it is bound by the
 *   weight bytes (mlp-s at batch 1 and 4 take the same time), at large batch by its FLOPs;
 * - elementwise and data-movement operators (Add, Clip, Transpose, MaxPool, Gather…) are bound by the bytes they
 *   read and write, at a bandwidth that falls when those bytes leave the cache;
 * - normalisations and transcendental functions (LayerNorm, Softmax, Erf…) cost per element far more than their
 *   FLOP count says: on onnxruntime-node a LayerNorm takes ~6 ns per element, 30× an Add;
 * - every call pays per graph input and per byte of graph output (the output is copied out of the runtime:
 *   ~7 GB/s on onnxruntime-node, 4 MB of output cost more than the Relu that made it).
 */
export interface OperatorCosts {
  /** One entry per GEMM-class operator: [FLOPs per sample, bytes of constant (weight) inputs read per call, output bytes per sample]. */
  gemm: [number, number, number][];
  /** Output bytes per sample of each convolution (its FLOPs are in the split's conv and depthwise classes). */
  conv: number[];
  /**
   * One entry per memory-bound operator: [bytes read and written per sample (weights excluded), bytes per sample of
   * its largest activation tensor (which cache level the operator streams from)].
   */
  memory: [number, number][];
  /** Output elements per sample of normalisation and transcendental operators. */
  specialElements: number;
  /** Graph inputs fed per call. */
  inputs: number;
  /** Bytes of graph output per sample. */
  outputBytes: number;
}

export const GEMM_OPS = new Set(['MatMul', 'Gemm', 'MatMulInteger', 'QLinearMatMul', 'FusedMatMul', 'FusedGemm']);
export const CONV_OPS = new Set(['Conv', 'ConvInteger', 'QLinearConv', 'ConvTranspose', 'FusedConv']);

/** Operators that only relabel a tensor (runtimes alias the buffer) or produce metadata. */
const SHAPE_ONLY = new Set(['Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Identity', 'Dropout', 'Shape', 'Size', 'Constant', 'ConstantOfShape']);

/**
 * Activations onnxruntime folds into the Conv or Gemm before them (ConvActivationFusion, GemmActivationFusion):
 * they run inside that kernel's epilogue and move no bytes of their own. Not after MatMul: it has no such fusion.
 */
const FUSABLE_ACTIVATIONS = new Set(['Relu', 'Clip', 'LeakyRelu', 'Sigmoid', 'HardSigmoid', 'Tanh']);
const FUSES_ACTIVATION = new Set(['Conv', 'Gemm', 'FusedConv', 'FusedGemm']);

/** Per-element work well above one arithmetic instruction: a transcendental function or a normalising reduction. */
const SPECIAL = new Set([
  'Erf', 'Exp', 'Log', 'Tanh', 'Sigmoid', 'Softplus', 'Mish', 'Elu', 'Selu', 'Gelu', 'BiasGelu', 'FastGelu', 'Softmax', 'LogSoftmax',
  'LayerNormalization', 'SkipLayerNormalization', 'SimplifiedLayerNormalization', 'SkipSimplifiedLayerNormalization',
  'InstanceNormalization', 'GroupNormalization', 'LpNormalization', 'MeanVarianceNormalization',
]);

const opKey = (r: NodeRecord) => r.opType.replace(/^com\.microsoft:/, '');
const numel = (s: readonly number[] | undefined) => (s ? s.reduce((a, b) => a * b, 1) : 0);

/** Bytes an operator reads (activations only) and writes, and the largest of those tensors. */
function moved(r: NodeRecord | undefined): { bytes: number; largest: number; out: number } {
  const io = r?.io;
  if (!io) return { bytes: 0, largest: 0, out: 0 };
  const acts = io.inputs.filter((i) => !i.constant).map((i) => i.bytes);
  const outs = io.outputs.map((o) => o.bytes);
  const out = outs.reduce((a, b) => a + b, 0);
  return { bytes: acts.reduce((a, b) => a + b, 0) + out, largest: Math.max(0, ...acts, ...outs), out };
}

/** Indices of the activations that run fused into the Conv or Gemm that feeds them (their only consumer). */
function fusedActivations(records: readonly NodeRecord[], graphOutputs: ReadonlySet<string>): Set<number> {
  const producer = new Map<string, NodeRecord>();
  const consumers = new Map<string, number>();
  for (const r of records) {
    for (const o of r.io?.outputs ?? []) producer.set(o.name, r);
    for (const i of r.io?.inputs ?? []) consumers.set(i.name, (consumers.get(i.name) ?? 0) + 1);
  }
  const fused = new Set<number>();
  records.forEach((r, k) => {
    const x = r.io?.inputs[0]?.name;
    if (!x || !FUSABLE_ACTIVATIONS.has(opKey(r))) return;
    const p = producer.get(x);
    if (p && FUSES_ACTIVATION.has(opKey(p)) && consumers.get(x) === 1 && !graphOutputs.has(x)) fused.add(k);
  });
  return fused;
}

/**
 * Per-operator costs from shape inference at batch 1 and batch 2 (the per-sample part is what the second sample
 * adds, as everywhere in the calibration). Both inferences must come from the same model.
 */
export function operatorCostsFrom(model: Model, one: Inference, two: Inference): OperatorCosts {
  const graphOutputs = new Set(model.graph.outputs.map((o) => o.name));
  const initializers = new Set(model.graph.initializers.map((t) => t.name));
  const fused = fusedActivations(one.nodes, graphOutputs);
  const out: OperatorCosts = { gemm: [], conv: [], memory: [], specialElements: 0, inputs: model.graph.inputs.filter((i) => !initializers.has(i.name)).length, outputBytes: 0 };
  one.nodes.forEach((r1, k) => {
    const r2 = two.nodes[k];
    if (!r2 || r2.opType !== r1.opType) return;
    for (const o of r1.io?.outputs ?? []) {
      if (graphOutputs.has(o.name)) out.outputBytes += Math.max(0, (r2.io?.outputs.find((x) => x.name === o.name)?.bytes ?? o.bytes) - o.bytes);
    }
    const op = opKey(r1);
    const [m1, m2] = [moved(r1), moved(r2)];
    if (GEMM_OPS.has(op)) {
      const weights = (r1.io?.inputs ?? []).reduce((a, i) => a + (i.constant ? i.bytes : 0), 0);
      out.gemm.push([Math.max(0, r2.flops - r1.flops), weights, Math.max(0, m2.out - m1.out)]);
      return;
    }
    if (CONV_OPS.has(op)) out.conv.push(Math.max(0, m2.out - m1.out));
    if (CONV_OPS.has(op) || SHAPE_ONLY.has(op) || fused.has(k)) return;
    const bytes = m2.bytes - m1.bytes;
    if (bytes > 0) out.memory.push([bytes, Math.max(0, m2.largest - m1.largest)]);
    if (SPECIAL.has(op)) out.specialElements += Math.max(0, numel(r2.outputs[0]) - numel(r1.outputs[0]));
  });
  return out;
}
