import { DataType } from '../../../onnx/types.ts';
import { strides } from '../nd.ts';
import { attrInt, attrInts, input, optConstInput, type OpCtx, type OpRule } from '../opContext.ts';
import { castNumber, normAxis, numel, type Val } from '../value.ts';

/** Reductions with a counting convention (|input|); the others get shapes but are reported as not counted. */
const COUNTED_REDUCE = new Set(['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL2', 'ReduceLogSumExp']);

const REDUCE_FOLD: Record<string, (xs: number[]) => number> = {
  ReduceSum: (xs) => xs.reduce((a, b) => a + b, 0),
  ReduceProd: (xs) => xs.reduce((a, b) => a * b, 1),
  ReduceMax: (xs) => Math.max(...xs),
  ReduceMin: (xs) => Math.min(...xs),
  ReduceMean: (xs) => xs.reduce((a, b) => a + b, 0) / xs.length,
};

function reducedAxes(ctx: OpCtx, rank: number): number[] {
  // The axes moved from an attribute to an input (ReduceSum at opset 13, the rest at 18); accept whichever is there.
  const axes = ctx.node.inputs[1] ? optConstInput(ctx, 1, 'axes') : attrInts(ctx.node, 'axes');
  if (axes && axes.length) return [...new Set(axes.map((a) => normAxis(a, rank)))];
  if (attrInt(ctx.node, 'noop_with_empty_axes', 0) === 1) return [];
  return Array.from({ length: rank }, (_, i) => i);
}

export const reduce: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const op = ctx.node.opType;
  const axes = reducedAxes(ctx, x.shape.length);
  const keep = attrInt(ctx.node, 'keepdims', 1) === 1;
  const red = new Set(axes);
  const out = keep ? x.shape.map((d, i) => (red.has(i) ? 1 : d)) : x.shape.filter((_, i) => !red.has(i));
  const v: Val = { dtype: x.dtype, shape: out };
  const fold = REDUCE_FOLD[op];
  if (fold && x.data && axes.length > 0) {
    // Group input elements by their output position.
    const st = strides(x.shape);
    const outKeep = x.shape.map((d, i) => (red.has(i) ? 1 : d));
    const ost = strides(outKeep);
    const groups: number[][] = Array.from({ length: numel(outKeep) }, () => []);
    x.data.forEach((val, flat) => {
      let o = 0;
      for (let d = 0; d < x.shape.length; d++) if (!red.has(d)) o += (Math.floor(flat / st[d]!) % x.shape[d]!) * ost[d]!;
      groups[o]!.push(val);
    });
    v.data = groups.map((g) => castNumber(fold(g), x.dtype));
  } else if (x.data && axes.length === 0) v.data = x.data;
  const counted = COUNTED_REDUCE.has(op);
  return { outputs: [v], flops: counted ? numel(x.shape) : 0, uncounted: !counted };
};

export const argMax: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axis = normAxis(attrInt(ctx.node, 'axis', 0), x.shape.length);
  const keep = attrInt(ctx.node, 'keepdims', 1) === 1;
  const out = keep ? x.shape.map((d, i) => (i === axis ? 1 : d)) : x.shape.filter((_, i) => i !== axis);
  return { outputs: [{ dtype: DataType.INT64, shape: out }], flops: 0, uncounted: true };
};

/** Softmax, LogSoftmax: 3·|out| (max, exp-and-sum, divide). */
export const softmax: OpRule = (ctx) => {
  const x = input(ctx, 0);
  return { outputs: [{ dtype: x.dtype, shape: [...x.shape] }], flops: 3 * numel(x.shape) };
};

/** LayerNormalization: 5·|out|. Optional Mean and InvStdDev outputs have the normalised axes set to 1. */
export const layerNorm: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axis = normAxis(attrInt(ctx.node, 'axis', -1), x.shape.length);
  const stat = x.shape.map((d, i) => (i < axis ? d : 1));
  const statType = attrInt(ctx.node, 'stash_type', 1);
  return {
    outputs: [{ dtype: x.dtype, shape: [...x.shape] }, { dtype: statType, shape: stat }, { dtype: statType, shape: stat }],
    flops: 5 * numel(x.shape),
  };
};

/** BatchNormalization, InstanceNormalization: 2·|out| (a folded scale and shift). */
export const batchNorm: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const c = x.shape[1] ?? 1;
  const outputs: Val[] = [{ dtype: x.dtype, shape: [...x.shape] }];
  // Training-mode extras (running mean/var, saved stats) are per channel.
  for (let i = 1; i < ctx.node.outputs.length; i++) outputs.push({ dtype: x.dtype, shape: [c] });
  return { outputs, flops: 2 * numel(x.shape) };
};

/** GroupNormalization, LpNormalization, LRN, MeanVarianceNormalization...: shape of the input, not counted. */
export const normUncounted: OpRule = (ctx) => {
  const x = input(ctx, 0);
  return { outputs: [{ dtype: x.dtype, shape: [...x.shape] }], flops: 0, uncounted: true };
};
