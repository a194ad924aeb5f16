import { DataType } from '../../../onnx/types.ts';
import { gatherBy, strides } from '../nd.ts';
import { attrInt, attrInts, constInput, input, optConstInput, type OpCtx, type OpRule } from '../opContext.ts';
import { checkShape, fmt, normAxis, numel, ShapeError, type Val } from '../value.ts';

/** Same values, new shape: data carries over unchanged (row-major order is preserved). */
function reshaped(x: Val, shape: number[]): Val {
  const v: Val = { dtype: x.dtype, shape };
  if (x.data) v.data = x.data;
  return v;
}

export const reshape: OpRule = (ctx) => {
  const x = input(ctx, 0);
  // Opset < 5 carried the target shape as an attribute.
  const target = ctx.opset < 5 ? (attrInts(ctx.node, 'shape') ?? []) : constInput(ctx, 1, 'shape');
  const allowZero = attrInt(ctx.node, 'allowzero', 0) === 1;
  const out = target.map((d, i) => (d === 0 && !allowZero ? (x.shape[i] ?? NaN) : d));
  const minus = out.filter((d) => d === -1).length;
  if (minus > 1) throw new ShapeError('more than one -1 in the target shape');
  const total = numel(x.shape);
  if (minus === 1) {
    const known = out.reduce((p, d) => (d === -1 ? p : p * d), 1);
    if (known === 0 || total % known !== 0) throw new ShapeError(`cannot reshape ${fmt(x.shape)} to ${fmt(target)}`);
    out[out.indexOf(-1)] = total / known;
  }
  checkShape(out, 'Reshape output');
  if (numel(out) !== total) throw new ShapeError(`cannot reshape ${fmt(x.shape)} (${total} elements) to ${fmt(out)}`);
  return { outputs: [reshaped(x, out)], flops: 0 };
};

export const flatten: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const r = x.shape.length;
  const raw = attrInt(ctx.node, 'axis', 1);
  const axis = raw < 0 ? raw + r : raw;
  if (axis < 0 || axis > r) throw new ShapeError(`axis ${raw} out of range for rank ${r}`);
  return { outputs: [reshaped(x, [numel(x.shape.slice(0, axis)), numel(x.shape.slice(axis))])], flops: 0 };
};

/** Axes come from the attribute before opset 13 and from the second input from 13 on. */
function axesOf(ctx: OpCtx): number[] | undefined {
  return ctx.opset < 13 ? attrInts(ctx.node, 'axes') : optConstInput(ctx, 1, 'axes');
}

export const squeeze: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axes = axesOf(ctx);
  // No axes (or an empty list) removes every size-1 dim.
  const drop = new Set(axes?.length ? axes.map((a) => normAxis(a, x.shape.length)) : x.shape.flatMap((d, i) => (d === 1 ? [i] : [])));
  for (const a of drop) if (x.shape[a] !== 1) throw new ShapeError(`cannot squeeze axis ${a} of ${fmt(x.shape)}`);
  return { outputs: [reshaped(x, x.shape.filter((_, i) => !drop.has(i)))], flops: 0 };
};

export const unsqueeze: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axes = axesOf(ctx);
  if (!axes) throw new ShapeError('Unsqueeze without axes');
  const rank = x.shape.length + axes.length;
  const at = new Set(axes.map((a) => normAxis(a, rank)));
  if (at.size !== axes.length) throw new ShapeError('repeated axis');
  const out: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : x.shape[k++]!);
  return { outputs: [reshaped(x, out)], flops: 0 };
};

export const transpose: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const r = x.shape.length;
  const perm = attrInts(ctx.node, 'perm') ?? x.shape.map((_, i) => r - 1 - i);
  if (perm.length !== r || new Set(perm).size !== r || perm.some((p) => p < 0 || p >= r)) throw new ShapeError(`perm [${perm}] does not fit rank ${r}`);
  const out = perm.map((p) => x.shape[p]!);
  const v: Val = { dtype: x.dtype, shape: out };
  if (x.data) {
    const st = strides(x.shape);
    const data = gatherBy(out, x.data, (idx) => idx.reduce((f, i, d) => f + i * st[perm[d]!]!, 0));
    if (data) v.data = data;
  }
  return { outputs: [v], flops: 0 };
};

/** Identity, and Dropout at inference (its optional mask output is bool). */
export const identity: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const outputs: Val[] = [reshaped(x, x.shape)];
  if (ctx.node.opType === 'Dropout' && ctx.node.outputs.length > 1) outputs.push({ dtype: DataType.BOOL, shape: x.shape });
  return { outputs, flops: 0 };
};
