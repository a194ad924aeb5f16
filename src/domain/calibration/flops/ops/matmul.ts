import { DataType } from '../../../onnx/types.ts';
import { attrInt, input, type OpCtx, type OpResult, type OpRule } from '../opContext.ts';
import { broadcast, fmt, numel, ShapeError, type Val } from '../value.ts';

/** numpy matmul shapes: 1-D operands are promoted and the promoted dim dropped again; leading dims broadcast. */
export function matmulShape(a: number[], b: number[], transA = false, transB = false): { out: number[]; k: number } {
  if (a.length === 0 || b.length === 0) throw new ShapeError('MatMul of a scalar');
  const aa = a.length === 1 ? [1, a[0]!] : transA ? [...a.slice(0, -2), a.at(-1)!, a.at(-2)!] : a;
  const bb = b.length === 1 ? [b[0]!, 1] : transB ? [...b.slice(0, -2), b.at(-1)!, b.at(-2)!] : b;
  const k = aa.at(-1)!;
  if (bb.at(-2) !== k) throw new ShapeError(`inner dimensions differ: ${fmt(a)} × ${fmt(b)}`);
  const batch = broadcast(aa.slice(0, -2), bb.slice(0, -2));
  const out = [...batch];
  if (a.length > 1) out.push(aa.at(-2)!);
  if (b.length > 1) out.push(bb.at(-1)!);
  return { out, k };
}

function matmulLike(ctx: OpCtx, ai: number, bi: number, dtype: number | undefined, trans = false): OpResult {
  const a = input(ctx, ai);
  const b = input(ctx, bi);
  const ta = trans && attrInt(ctx.node, 'transA', 0) === 1;
  const tb = trans && attrInt(ctx.node, 'transB', 0) === 1;
  const { out, k } = matmulShape(a.shape, b.shape, ta, tb);
  return { outputs: [{ dtype: dtype ?? a.dtype, shape: out }], flops: 2 * numel(out) * k };
}

export const matmul: OpRule = (ctx) => matmulLike(ctx, 0, 1, undefined);
export const matmulInteger: OpRule = (ctx) => matmulLike(ctx, 0, 1, DataType.INT32);
/** QLinearMatMul: a, a_scale, a_zero_point, b, b_scale, b_zero_point, y_scale, y_zero_point. */
export const qlinearMatmul: OpRule = (ctx) => matmulLike(ctx, 0, 3, ctx.inputs[7]?.dtype ?? DataType.UINT8);
/** com.microsoft FusedMatMul: MatMul with transA/transB and an alpha scale folded in; counted as the MatMul. */
export const fusedMatmul: OpRule = (ctx) => {
  if (attrInt(ctx.node, 'transBatchA', 0) || attrInt(ctx.node, 'transBatchB', 0)) throw new ShapeError('transBatchA/transBatchB are not supported');
  return matmulLike(ctx, 0, 1, undefined, true);
};

/** Gemm: 2·M·N·K, plus M·N for the bias C. */
export const gemm: OpRule = (ctx) => {
  const a = input(ctx, 0);
  const b = input(ctx, 1);
  if (a.shape.length !== 2 || b.shape.length !== 2) throw new ShapeError(`Gemm needs 2-D inputs, got ${fmt(a.shape)} and ${fmt(b.shape)}`);
  const n = ctx.node;
  const [m, ka] = attrInt(n, 'transA', 0) ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
  const [kb, nn] = attrInt(n, 'transB', 0) ? [b.shape[1]!, b.shape[0]!] : [b.shape[0]!, b.shape[1]!];
  if (ka !== kb) throw new ShapeError(`inner dimensions differ: ${ka} vs ${kb}`);
  const out = [m, nn];
  const c: Val | undefined = ctx.inputs[2];
  if (c?.shape) broadcast(out, c.shape);
  const size = m * nn;
  return { outputs: [{ dtype: a.dtype, shape: out }], flops: 2 * size * ka + (c ? size : 0) };
};
