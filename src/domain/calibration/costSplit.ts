import type { Graph, Model } from '../onnx/types.ts';
import { inferShapes, type CountOptions } from './flops/index.ts';
import { CONV_OPS, GEMM_OPS, operatorCostsFrom, type OperatorCosts } from './operatorCosts.ts';
import type { FlopSplit } from './predict.ts';

/**
 * Per-sample FLOPs by the kind of kernel that runs them, and the number of operators one call executes. Runtimes
 * reach very different rates on these classes (a depthwise conv or an elementwise chain runs several times slower
 * per FLOP than a GEMM: bench-feasibility §7), so a device model with one rate per class predicts far better
 * than FLOPs alone.
 */
export interface CostSplit {
  gemm: number;
  conv: number;
  depthwise: number;
  other: number;
  /** Operators executed per call (a per-call cost: each launch has overhead). */
  nodes: number;
  /** Bytes each operator writes per sample, in execution order (4 bytes per element assumed). */
  tensorBytes: number[];
  /** Per-operator costs for the roofline device model. */
  operators: OperatorCosts;
}

function depthwiseNames(g: Graph, out = new Set<string>()): Set<string> {
  for (const n of g.nodes) {
    const group = n.attributes.group;
    if (CONV_OPS.has(n.opType) && group?.kind === 'int' && group.value > 1 && n.name) out.add(n.name);
    for (const a of Object.values(n.attributes)) if (a.kind === 'graph') depthwiseNames(a.value, out);
  }
  return out;
}

export function costSplit(model: Model, opts: CountOptions = {}): CostSplit {
  const dw = depthwiseNames(model.graph);
  const classify = (batch: number) => {
    const r = inferShapes(model, { ...opts, batch });
    const c = { gemm: 0, conv: 0, depthwise: 0, other: 0, nodes: r.nodes.length, bytes: r.nodes.map((n) => n.outputs.reduce((a, sh) => a + (sh ? sh.reduce((x, y) => x * y, 1) * 4 : 0), 0)), inference: r };
    for (const n of r.nodes) {
      if (GEMM_OPS.has(n.opType)) c.gemm += n.flops;
      else if (CONV_OPS.has(n.opType)) c[dw.has(n.name) ? 'depthwise' : 'conv'] += n.flops;
      else c.other += n.flops;
    }
    return c;
  };
  const one = classify(1);
  const two = classify(2);
  // Per sample: what a second sample adds (the same difference countFlops uses).
  return {
    gemm: two.gemm - one.gemm, conv: two.conv - one.conv, depthwise: two.depthwise - one.depthwise, other: two.other - one.other, nodes: one.nodes,
    tensorBytes: one.bytes.map((b, i) => Math.max(0, (two.bytes[i] ?? b) - b)),
    operators: operatorCostsFrom(model, one.inference, two.inference),
  };
}

/** The split as a device fit uses it (operator sizes without the zeros of shape-only operators). */
export function flopSplit(model: Model, opts: CountOptions = {}): FlopSplit {
  const { gemm, conv, depthwise, other, nodes, tensorBytes, operators } = costSplit(model, opts);
  return { gemm, conv, depthwise, other, nodes, tensorBytes: tensorBytes.filter((b) => b > 0), operators };
}
