import { elementSize } from '../../onnx/read.ts';
import type { Graph, Model, Tensor } from '../../onnx/types.ts';
import { inferModel, type Inference } from './infer.ts';
import { bindInputs, planInputs, type CountOptions } from './inputs.ts';
import { numel } from './value.ts';

export interface FlopReport {
  /** The batch the totals are for. */
  batch: number;
  totalFlops: number;
  /** F(2) − F(1): what one more sample costs. */
  flopsPerSample: number;
  /** 2·F(1) − F(2): work that does not grow with the batch (weight dequantisation, shape arithmetic). */
  fixedFlops: number;
  /** Weights stored in the file: initializers and Constant-node tensors, every subgraph included. */
  paramsBytes: number;
  paramsCount: number;
  activationBytesPerSample: number;
  /** Per op type at `batch`; ops outside the default domain are keyed 'domain:Op' (e.g. 'com.microsoft:FusedConv'). */
  ops: Record<string, { count: number; flops: number }>;
  warnings: string[];
}

/**
 * Counts the FLOPs of a model at concrete input shapes (conventions in rules.ts). Never throws: whatever cannot be
 * inferred counts 0 and is named in `warnings`.
 */
export function countFlops(model: Model, opts: CountOptions = {}): FlopReport {
  try {
    return count(model, opts);
  } catch (err) {
    // Per-node failures are already contained; this only catches a Model object that is malformed as a whole.
    const why = err instanceof Error ? err.message : String(err);
    return { batch: 1, totalFlops: 0, flopsPerSample: 0, fixedFlops: 0, paramsBytes: 0, paramsCount: 0, activationBytesPerSample: 0, ops: {}, warnings: [`the model could not be analysed: ${why}`] };
  }
}

function count(model: Model, opts: CountOptions): FlopReport {
  const plan = planInputs(model, opts);
  const at = new Map<number, Inference>();
  const run = (b: number): Inference => {
    let r = at.get(b);
    if (!r) {
      r = inferModel(model, bindInputs(plan, b));
      at.set(b, r);
    }
    return r;
  };
  const main = run(plan.batch);
  const warnings = [...plan.warnings, ...main.warnings];
  const params = weights(model.graph);
  const report: FlopReport = {
    batch: plan.batch,
    totalFlops: main.flops,
    flopsPerSample: main.flops,
    fixedFlops: 0,
    paramsBytes: params.bytes,
    paramsCount: params.count,
    activationBytesPerSample: main.activationBytes,
    ops: main.ops,
    warnings,
  };
  if (!plan.batched) {
    if (plan.batch !== 1) warnings.push(`batch ${plan.batch} ignored: the input shapes are fixed`);
    warnings.push('no input has a symbolic batch dimension: per-sample numbers are per call');
    report.batch = 1;
    return report;
  }
  const f1 = run(1);
  const f2 = run(2);
  for (const [b, r] of [[1, f1], [2, f2]] as const) {
    for (const w of r.warnings) if (!main.warnings.includes(w)) warnings.push(`at batch ${b}: ${w}`);
  }
  report.flopsPerSample = f2.flops - f1.flops;
  report.fixedFlops = 2 * f1.flops - f2.flops;
  report.activationBytesPerSample = f2.activationBytes - f1.activationBytes;
  if (report.flopsPerSample < 0) warnings.push('the count shrinks as the batch grows; the per-sample figure is not meaningful');
  return report;
}

/** Shape inference alone, at the shapes countFlops would use: per-node output shapes and the graph outputs. */
export function inferShapes(model: Model, opts: CountOptions = {}): Inference {
  const plan = planInputs(model, opts);
  const r = inferModel(model, bindInputs(plan, plan.batched ? plan.batch : 1));
  return { ...r, warnings: [...plan.warnings, ...r.warnings] };
}

function weights(g: Graph): { bytes: number; count: number } {
  let bytes = 0;
  let count = 0;
  const add = (t: Tensor) => {
    const n = numel(t.dims);
    count += n;
    bytes += n * elementSize(t.dataType);
  };
  const seen = new Set<Graph>();
  const walk = (gr: Graph) => {
    if (seen.has(gr)) return;
    seen.add(gr);
    gr.initializers.forEach(add);
    for (const n of gr.nodes) {
      for (const [name, a] of Object.entries(n.attributes)) {
        if (a.kind === 'graph') walk(a.value);
        else if (a.kind === 'tensor' && n.opType === 'Constant' && name === 'value') add(a.value);
      }
    }
  };
  walk(g);
  return { bytes, count };
}
