import { DataType } from '../../../onnx/types.ts';
import { broadcastTo, gatherBy, strides } from '../nd.ts';
import { attrInt, attrInts, constInput, input, optConstInput, type OpRule } from '../opContext.ts';
import { broadcast, checkShape, fmt, FOLD_LIMIT, normAxis, numel, ShapeError, type Val } from '../value.ts';

/** Data-movement ops: 0 FLOPs, but their shapes (and small values) flow on. */

export const concat: OpRule = (ctx) => {
  const xs = ctx.inputs.map((_, i) => input(ctx, i));
  const first = xs[0];
  if (!first) throw new ShapeError('Concat with no inputs');
  const r = first.shape.length;
  const axis = normAxis(attrInt(ctx.node, 'axis', 0), r);
  for (const x of xs) {
    if (x.shape.length !== r || x.shape.some((d, i) => i !== axis && d !== first.shape[i])) throw new ShapeError(`cannot concatenate ${xs.map((v) => fmt(v.shape)).join(', ')} on axis ${axis}`);
  }
  const out = [...first.shape];
  out[axis] = xs.reduce((s, x) => s + x.shape[axis]!, 0);
  const v: Val = { dtype: first.dtype, shape: out };
  if (xs.every((x) => x.data) && numel(out) <= FOLD_LIMIT) {
    const outer = numel(out.slice(0, axis));
    const data: number[] = [];
    for (let o = 0; o < outer; o++) {
      for (const x of xs) {
        const chunk = numel(x.shape.slice(axis));
        data.push(...x.data!.slice(o * chunk, (o + 1) * chunk));
      }
    }
    v.data = data;
  }
  return { outputs: [v], flops: 0 };
};

export const split: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const axis = normAxis(attrInt(ctx.node, 'axis', 0), x.shape.length);
  const dim = x.shape[axis]!;
  const n = ctx.node.outputs.length;
  let sizes = ctx.opset < 13 ? attrInts(ctx.node, 'split') : optConstInput(ctx, 1, 'split');
  if (!sizes) {
    const parts = attrInt(ctx.node, 'num_outputs', n);
    // Opset 18 allows an uneven split: every chunk ceil(dim/n), the last one smaller.
    const chunk = Math.ceil(dim / parts);
    sizes = Array.from({ length: parts }, (_, i) => Math.max(0, Math.min(chunk, dim - i * chunk)));
  }
  if (sizes.reduce((a, b) => a + b, 0) !== dim) throw new ShapeError(`split sizes [${sizes}] do not add up to ${dim}`);
  const outputs = sizes.map((s) => {
    const shape = [...x.shape];
    shape[axis] = s;
    return { dtype: x.dtype, shape };
  });
  return { outputs, flops: 0 };
};

/** Slice: attribute form before opset 10, inputs (starts, ends, axes, steps) from 10 on. */
export const slice: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const n = ctx.node;
  const r = x.shape.length;
  const starts = ctx.opset < 10 ? attrInts(n, 'starts') : constInput(ctx, 1, 'starts');
  const ends = ctx.opset < 10 ? attrInts(n, 'ends') : constInput(ctx, 2, 'ends');
  if (!starts || !ends || starts.length !== ends.length) throw new ShapeError('starts/ends missing or of different lengths');
  const axes = (ctx.opset < 10 ? attrInts(n, 'axes') : optConstInput(ctx, 3, 'axes')) ?? starts.map((_, i) => i);
  const steps = (ctx.opset < 10 ? undefined : optConstInput(ctx, 4, 'steps')) ?? starts.map(() => 1);
  const out = [...x.shape];
  const begin = x.shape.map(() => 0);
  const stepOf = x.shape.map(() => 1);
  axes.forEach((a0, i) => {
    const a = normAxis(a0, r);
    const dim = x.shape[a]!;
    const step = steps[i]!;
    if (!step) throw new ShapeError('slice step 0');
    let s = starts[i]!;
    let e = ends[i]!;
    if (s < 0) s += dim;
    if (e < 0) e += dim;
    if (step > 0) {
      s = Math.min(Math.max(s, 0), dim);
      e = Math.min(Math.max(e, 0), dim);
    } else {
      s = Math.min(Math.max(s, 0), dim - 1);
      e = Math.min(Math.max(e, -1), dim - 1);
    }
    out[a] = Math.max(0, Math.ceil((e - s) / step));
    begin[a] = s;
    stepOf[a] = step;
  });
  const v: Val = { dtype: x.dtype, shape: out };
  if (x.data) {
    const st = strides(x.shape);
    const data = gatherBy(out, x.data, (idx) => idx.reduce((f, i, d) => f + (begin[d]! + i * stepOf[d]!) * st[d]!, 0));
    if (data) v.data = data;
  }
  return { outputs: [v], flops: 0 };
};

/** Pad: pads attribute before opset 11 (`paddings` in opset 1), input from 11 (with optional axes from 18). */
export const pad: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const r = x.shape.length;
  let pads = ctx.opset < 11 ? (attrInts(ctx.node, 'pads') ?? attrInts(ctx.node, 'paddings')) : constInput(ctx, 1, 'pads');
  if (!pads) throw new ShapeError('pads missing');
  const axes = ctx.opset >= 18 ? optConstInput(ctx, 3, 'axes') : undefined;
  if (axes) {
    const full = new Array<number>(2 * r).fill(0);
    axes.forEach((a0, i) => {
      const a = normAxis(a0, r);
      full[a] = pads![i]!;
      full[a + r] = pads![i + axes.length]!;
    });
    pads = full;
  }
  if (pads.length !== 2 * r) throw new ShapeError(`${pads.length} pads for rank ${r}`);
  const out = checkShape(
    x.shape.map((d, i) => d + pads[i]! + pads[i + r]!),
    'Pad output',
  );
  return { outputs: [{ dtype: x.dtype, shape: out }], flops: 0 };
};

export const tile: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const reps = constInput(ctx, 1, 'repeats');
  if (reps.length !== x.shape.length) throw new ShapeError(`${reps.length} repeats for rank ${x.shape.length}`);
  const out = checkShape(
    x.shape.map((d, i) => d * reps[i]!),
    'Tile output',
  );
  const v: Val = { dtype: x.dtype, shape: out };
  if (x.data) {
    const st = strides(x.shape);
    const data = gatherBy(out, x.data, (idx) => idx.reduce((f, i, d) => f + (i % x.shape[d]!) * st[d]!, 0));
    if (data) v.data = data;
  }
  return { outputs: [v], flops: 0 };
};

export const expand: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const target = constInput(ctx, 1, 'shape');
  const out = broadcast(x.shape, target);
  const v: Val = { dtype: x.dtype, shape: out };
  if (x.data) {
    const data = broadcastTo(x.data, x.shape, out);
    if (data) v.data = data;
  }
  return { outputs: [v], flops: 0 };
};

export const gather: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const ind = input(ctx, 1);
  const axis = normAxis(attrInt(ctx.node, 'axis', 0), x.shape.length);
  const dim = x.shape[axis]!;
  const out = [...x.shape.slice(0, axis), ...ind.shape, ...x.shape.slice(axis + 1)];
  const v: Val = { dtype: x.dtype, shape: out };
  if (ind.data) {
    for (const i of ind.data) if (i < -dim || i >= dim) throw new ShapeError(`index ${i} out of range for axis ${axis} of ${fmt(x.shape)}`);
    if (x.data) {
      const st = strides(x.shape);
      const ist = strides(ind.shape);
      const q = ind.shape.length;
      const data = gatherBy(out, x.data, (idx) => {
        let f = 0;
        for (let d = 0; d < axis; d++) f += idx[d]! * st[d]!;
        let flat = 0;
        for (let d = 0; d < q; d++) flat += idx[axis + d]! * ist[d]!;
        const k = ind.data![flat]!;
        f += (k < 0 ? k + dim : k) * st[axis]!;
        for (let d = axis + 1; d < x.shape.length; d++) f += idx[d + q - 1]! * st[d]!;
        return f;
      });
      if (data) v.data = data;
    }
  }
  return { outputs: [v], flops: 0 };
};

export const gatherElements: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const ind = input(ctx, 1);
  if (ind.shape.length !== x.shape.length) throw new ShapeError('indices rank differs from data rank');
  return { outputs: [{ dtype: x.dtype, shape: [...ind.shape] }], flops: 0 };
};

/** GatherND: shape only (the conventions give it no count). */
export const gatherND: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const ind = input(ctx, 1);
  const b = attrInt(ctx.node, 'batch_dims', 0);
  const last = ind.shape.at(-1);
  if (last === undefined || last > x.shape.length - b) throw new ShapeError('indices do not fit the data');
  const out = [...ind.shape.slice(0, -1), ...x.shape.slice(b + last)];
  return { outputs: [{ dtype: x.dtype, shape: out }], flops: 0, uncounted: true };
};

/** ScatterND, ScatterElements, Scatter, CumSum, Trilu...: output shaped like the first input; not counted. */
export const sameAsFirstUncounted: OpRule = (ctx) => {
  const x = input(ctx, 0);
  return { outputs: [{ dtype: x.dtype, shape: [...x.shape] }], flops: 0, uncounted: true };
};

export const depthToSpace: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const b = attrInt(ctx.node, 'blocksize', 1);
  if (x.shape.length !== 4) throw new ShapeError('expects a 4-D input');
  const [n, c, h, w] = x.shape as [number, number, number, number];
  const out = ctx.node.opType === 'DepthToSpace' ? [n, c / (b * b), h * b, w * b] : [n, c * b * b, h / b, w / b];
  return { outputs: [{ dtype: x.dtype, shape: checkShape(out, ctx.node.opType) }], flops: 0, uncounted: true };
};

export const nonZero: OpRule = (ctx) => {
  const x = input(ctx, 0);
  if (!x.data) throw new ShapeError('NonZero output size depends on the data');
  const hits = x.data.flatMap((v, i) => (v ? [i] : []));
  const st = strides(x.shape);
  const data = x.shape.flatMap((_, d) => hits.map((i) => Math.floor(i / st[d]!) % x.shape[d]!));
  return { outputs: [{ dtype: DataType.INT64, shape: [x.shape.length, hits.length], data }], flops: 0 };
};
