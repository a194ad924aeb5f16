import { DataType } from '../../../onnx/types.ts';
import { attr, attrInt, attrTensor, constInput, input, type OpRule } from '../opContext.ts';
import { castNumber, checkShape, FOLD_LIMIT, normAxis, numel, ShapeError, tensorVal, tensorValues, type Val } from '../value.ts';

/** Ops that make tensors from attributes or from other tensors' shapes; 0 FLOPs. Their values are kept when small. */

export const constant: OpRule = (ctx) => {
  const n = ctx.node;
  const t = attrTensor(n, 'value');
  if (t) return { outputs: [tensorVal(t)], flops: 0 };
  const a = attr(n, 'value_float') ?? attr(n, 'value_int') ?? attr(n, 'value_floats') ?? attr(n, 'value_ints') ?? attr(n, 'value_string') ?? attr(n, 'value_strings');
  if (!a) throw new ShapeError('Constant without a supported value attribute (sparse_value?)');
  const key = Object.keys(n.attributes).find((k) => n.attributes[k] === a)!;
  const isFloat = key.startsWith('value_float');
  const dtype = key.startsWith('value_string') ? DataType.STRING : isFloat ? DataType.FLOAT : DataType.INT64;
  if (a.kind === 'float' || a.kind === 'int') return { outputs: [{ dtype, shape: [], data: [isFloat ? Math.fround(a.value) : a.value] }], flops: 0 };
  if (a.kind === 'floats' || a.kind === 'ints') return { outputs: [{ dtype, shape: [a.value.length], data: a.value.map((x) => (isFloat ? Math.fround(x) : x)) }], flops: 0 };
  if (a.kind === 'strings') return { outputs: [{ dtype, shape: [a.value.length] }], flops: 0 };
  return { outputs: [{ dtype, shape: [] }], flops: 0 };
};

export const constantOfShape: OpRule = (ctx) => {
  const shape = checkShape(constInput(ctx, 0, 'shape'), 'ConstantOfShape output');
  const t = attrTensor(ctx.node, 'value');
  const dtype = t?.dataType ?? DataType.FLOAT;
  const fill = (t && tensorValues(t)?.[0]) ?? 0;
  const v: Val = { dtype, shape };
  if (numel(shape) <= FOLD_LIMIT) v.data = new Array<number>(numel(shape)).fill(fill);
  return { outputs: [v], flops: 0 };
};

export const range: OpRule = (ctx) => {
  const [start] = constInput(ctx, 0, 'start');
  const [limit] = constInput(ctx, 1, 'limit');
  const [delta] = constInput(ctx, 2, 'delta');
  if (start === undefined || limit === undefined || !delta) throw new ShapeError('start, limit and a non-zero delta are needed');
  const n = Math.max(0, Math.ceil((limit - start) / delta));
  const dtype = input(ctx, 0).dtype;
  const v: Val = { dtype, shape: [n] };
  if (n <= FOLD_LIMIT) v.data = Array.from({ length: n }, (_, i) => castNumber(start + i * delta, dtype));
  return { outputs: [v], flops: 0 };
};

/** Shape (with the opset-15 start/end window). Its values are what the folding chains start from. */
export const shape: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const r = x.shape.length;
  const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + r : i, 0), r);
  const s = clamp(attrInt(ctx.node, 'start', 0));
  const e = clamp(attrInt(ctx.node, 'end', r));
  const data = x.shape.slice(s, Math.max(s, e));
  return { outputs: [{ dtype: DataType.INT64, shape: [data.length], data }], flops: 0 };
};

export const size: OpRule = (ctx) => ({ outputs: [{ dtype: DataType.INT64, shape: [], data: [numel(input(ctx, 0).shape)] }], flops: 0 });

export const cast: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const to = ctx.node.opType === 'CastLike' ? input(ctx, 1).dtype : attrInt(ctx.node, 'to', DataType.FLOAT);
  const v: Val = { dtype: to, shape: x.shape };
  if (x.data) v.data = x.data.map((d) => castNumber(d, to));
  return { outputs: [v], flops: 0 };
};

/** TopK: k from the attribute before opset 10, from the second input after. 0 FLOPs by convention. */
export const topK: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axis = normAxis(attrInt(ctx.node, 'axis', -1), x.shape.length);
  const k = ctx.opset < 10 ? attrInt(ctx.node, 'k', 1) : constInput(ctx, 1, 'k')[0];
  if (k === undefined || k > x.shape[axis]!) throw new ShapeError(`k ${k} larger than axis ${axis} of the input`);
  const out = [...x.shape];
  out[axis] = k;
  return { outputs: [{ dtype: x.dtype, shape: out }, { dtype: DataType.INT64, shape: out }], flops: 0 };
};

export const eyeLike: OpRule = (ctx) => {
  const x = input(ctx, 0);
  return { outputs: [{ dtype: attrInt(ctx.node, 'dtype', x.dtype), shape: [...x.shape] }], flops: 0, uncounted: true };
};
