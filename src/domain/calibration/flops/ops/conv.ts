import { DataType } from '../../../onnx/types.ts';
import { attrInt, attrInts, attrString, input, type OpCtx, type OpResult, type OpRule } from '../opContext.ts';
import { checkShape, numel, ShapeError } from '../value.ts';

interface Window {
  kernel: number[];
  strides: number[];
  dilations: number[];
  pads: number[];
  autoPad: string;
}

function windowOf(ctx: OpCtx, spatial: number, kernelFromWeights?: number[]): Window {
  const n = ctx.node;
  const kernel = attrInts(n, 'kernel_shape') ?? kernelFromWeights;
  if (!kernel || kernel.length !== spatial) throw new ShapeError(`kernel_shape ${kernel ? `[${kernel}]` : 'missing'} does not fit ${spatial} spatial dims`);
  const ones = new Array<number>(spatial).fill(1);
  const strides = attrInts(n, 'strides') ?? ones;
  const dilations = attrInts(n, 'dilations') ?? ones;
  const pads = attrInts(n, 'pads') ?? new Array<number>(2 * spatial).fill(0);
  if (strides.length !== spatial || dilations.length !== spatial || pads.length !== 2 * spatial) throw new ShapeError('strides/dilations/pads do not match the kernel rank');
  if (strides.some((s) => s <= 0)) throw new ShapeError('non-positive stride');
  return { kernel, strides, dilations, pads, autoPad: attrString(n, 'auto_pad', 'NOTSET') };
}

/** Output spatial size of a sliding window (Conv and the pools share it; ceil_mode only exists on pools). */
export function slidingOutput(inSp: number[], w: Window, ceilMode = false): number[] {
  return inSp.map((size, i) => {
    const s = w.strides[i]!;
    const extent = (w.kernel[i]! - 1) * w.dilations[i]! + 1;
    if (w.autoPad === 'SAME_UPPER' || w.autoPad === 'SAME_LOWER') return Math.ceil(size / s);
    if (w.autoPad === 'VALID') return Math.floor((size - extent) / s) + 1;
    const padBegin = w.pads[i]!;
    const span = size + padBegin + w.pads[i + inSp.length]! - extent;
    if (!ceilMode) return Math.floor(span / s) + 1;
    let out = Math.ceil(span / s) + 1;
    // The last window must start inside the input or the leading padding (PyTorch and ORT both drop it otherwise).
    if ((out - 1) * s >= size + padBegin) out--;
    return out;
  });
}

interface ConvIo {
  x: number;
  w: number;
  bias?: number;
  outType?: number;
}

function convLike(ctx: OpCtx, io: ConvIo): OpResult {
  const x = input(ctx, io.x);
  const w = input(ctx, io.w);
  if (x.shape.length < 3) throw new ShapeError(`input rank ${x.shape.length} is too small for a convolution`);
  if (w.shape.length !== x.shape.length) throw new ShapeError(`weight rank ${w.shape.length} differs from input rank ${x.shape.length}`);
  const group = attrInt(ctx.node, 'group', 1);
  const cinPerGroup = w.shape[1]!;
  if (cinPerGroup * group !== x.shape[1]) throw new ShapeError(`input has ${x.shape[1]} channels but weights expect ${cinPerGroup}×${group} groups`);
  const win = windowOf(ctx, x.shape.length - 2, w.shape.slice(2));
  const out = checkShape([x.shape[0]!, w.shape[0]!, ...slidingOutput(x.shape.slice(2), win)], 'Conv output');
  const size = numel(out);
  const hasBias = io.bias !== undefined && ctx.inputs[io.bias] !== undefined;
  const flops = 2 * size * cinPerGroup * numel(win.kernel) + (hasBias ? size : 0);
  const dtype = io.outType ?? x.dtype;
  return { outputs: [{ dtype, shape: out }], flops };
}

export const conv: OpRule = (ctx) => convLike(ctx, { x: 0, w: 1, bias: 2 });
export const convInteger: OpRule = (ctx) => convLike(ctx, { x: 0, w: 1, outType: DataType.INT32 });
/** QLinearConv: x, x_scale, x_zero_point, w, w_scale, w_zero_point, y_scale, y_zero_point, B. */
export const qlinearConv: OpRule = (ctx) => convLike(ctx, { x: 0, w: 3, bias: 8, outType: ctx.inputs[7]?.dtype ?? DataType.UINT8 });

export const convTranspose: OpRule = (ctx) => {
  const n = ctx.node;
  const x = input(ctx, 0);
  const w = input(ctx, 1);
  const r = x.shape.length - 2;
  if (r < 1 || w.shape.length !== x.shape.length) throw new ShapeError('input and weight ranks do not fit a transposed convolution');
  const group = attrInt(n, 'group', 1);
  if (w.shape[0] !== x.shape[1]) throw new ShapeError(`input has ${x.shape[1]} channels but weights expect ${w.shape[0]}`);
  const coutPerGroup = w.shape[1]!;
  const win = windowOf(ctx, r, w.shape.slice(2));
  const outPad = attrInts(n, 'output_padding') ?? new Array<number>(r).fill(0);
  const explicit = attrInts(n, 'output_shape');
  const inSp = x.shape.slice(2);
  const sp = explicit
    ? explicit.slice(-r)
    : inSp.map((size, i) => {
        const s = win.strides[i]!;
        if (win.autoPad === 'SAME_UPPER' || win.autoPad === 'SAME_LOWER') return size * s;
        const extent = (win.kernel[i]! - 1) * win.dilations[i]! + 1;
        const pads = win.autoPad === 'VALID' ? 0 : win.pads[i]! + win.pads[i + r]!;
        return s * (size - 1) + (outPad[i] ?? 0) + extent - pads;
      });
  const out = checkShape([x.shape[0]!, coutPerGroup * group, ...sp], 'ConvTranspose output');
  const hasBias = ctx.inputs[2] !== undefined;
  const flops = 2 * numel(x.shape) * coutPerGroup * numel(win.kernel) + (hasBias ? numel(out) : 0);
  return { outputs: [{ dtype: x.dtype, shape: out }], flops };
};

/** MaxPool, AveragePool, LpPool: |out|·prod(kernel). */
export const pool: OpRule = (ctx) => {
  const x = input(ctx, 0);
  if (x.shape.length < 3) throw new ShapeError(`input rank ${x.shape.length} is too small for pooling`);
  const win = windowOf(ctx, x.shape.length - 2);
  const ceil = attrInt(ctx.node, 'ceil_mode', 0) === 1;
  const out = checkShape([x.shape[0]!, x.shape[1]!, ...slidingOutput(x.shape.slice(2), win, ceil)], `${ctx.node.opType} output`);
  const outputs = [{ dtype: x.dtype, shape: out }];
  if (ctx.node.opType === 'MaxPool' && ctx.node.outputs.length > 1) outputs.push({ dtype: DataType.INT64, shape: out });
  return { outputs, flops: numel(out) * numel(win.kernel) };
};

/** GlobalAveragePool, GlobalMaxPool: |input|. GlobalLpPool has the shape but no counting convention. */
export const globalPool: OpRule = (ctx) => {
  const x = input(ctx, 0);
  if (x.shape.length < 2) throw new ShapeError(`input rank ${x.shape.length} is too small for pooling`);
  const out = [x.shape[0]!, x.shape[1]!, ...x.shape.slice(2).map(() => 1)];
  const counted = ctx.node.opType !== 'GlobalLpPool';
  return { outputs: [{ dtype: x.dtype, shape: out }], flops: counted ? numel(x.shape) : 0, uncounted: !counted };
};
