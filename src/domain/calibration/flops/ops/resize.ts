import { attrFloats, attrInts, attrString, input, optConstInput, type OpRule } from '../opContext.ts';
import { checkShape, normAxis, numel, ShapeError } from '../value.ts';

/** Output size from scales: ORT truncates in_i · scale_i computed in float32. */
const scaled = (d: number, s: number) => Math.floor(Math.fround(d * Math.fround(s)));

/**
 * Resize (opset 10: X, scales; 11+: X, roi, scales, sizes; 18 adds axes and keep_aspect_ratio_policy) and Upsample
 * (scales attribute at opset 7, input from 9). |out| FLOPs: one interpolated value per output element.
 */
export const resize: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const n = ctx.node;
  const r = x.shape.length;
  let scales: number[] | undefined;
  let sizes: number[] | undefined;
  if (n.opType === 'Upsample') scales = ctx.opset < 9 ? attrFloats(n, 'scales') : optConstInput(ctx, 1, 'scales');
  else if (ctx.opset < 11) scales = optConstInput(ctx, 1, 'scales');
  else {
    scales = optConstInput(ctx, 2, 'scales');
    sizes = optConstInput(ctx, 3, 'sizes');
  }
  const axes = (attrInts(n, 'axes') ?? Array.from({ length: r }, (_, i) => i)).map((a) => normAxis(a, r));
  const out = [...x.shape];
  if (sizes && sizes.length) {
    if (sizes.length !== axes.length) throw new ShapeError(`${sizes.length} sizes for ${axes.length} axes`);
    const policy = attrString(n, 'keep_aspect_ratio_policy', 'stretch');
    if (policy === 'stretch') axes.forEach((a, i) => (out[a] = sizes![i]!));
    else {
      const ratios = axes.map((a, i) => sizes![i]! / x.shape[a]!);
      const s = policy === 'not_larger' ? Math.min(...ratios) : Math.max(...ratios);
      axes.forEach((a) => (out[a] = Math.round(s * x.shape[a]!)));
    }
  } else if (scales && scales.length) {
    if (scales.length !== axes.length) throw new ShapeError(`${scales.length} scales for ${axes.length} axes`);
    axes.forEach((a, i) => (out[a] = scaled(x.shape[a]!, scales![i]!)));
  } else throw new ShapeError('neither scales nor sizes are given');
  checkShape(out, `${n.opType} output`);
  return { outputs: [{ dtype: x.dtype, shape: out }], flops: numel(out) };
};
