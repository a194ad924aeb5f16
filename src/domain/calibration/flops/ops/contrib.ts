import { attr, input, type OpRule } from '../opContext.ts';
import { numel } from '../value.ts';
import { conv } from './conv.ts';
import { gemm } from './matmul.ts';

/**
 * com.microsoft fused ops, counted as the ops they fuse so that an ORT-optimised model counts like the original:
 * FusedConv = Conv (+|out| for its activation), FusedGemm = Gemm (+|out| for its activation), BiasGelu = Add + Gelu,
 * FastGelu = Gelu (+ the bias Add), SkipLayerNormalization = Add (+ bias Add) + LayerNormalization.
 */
const withActivation =
  (base: OpRule): OpRule =>
  (ctx) => {
    const r = base(ctx);
    const out = r.outputs[0]?.shape;
    const act = attr(ctx.node, 'activation');
    return { ...r, flops: r.flops + (act && out ? numel(out) : 0) };
  };

export const fusedConv = withActivation(conv);
export const fusedGemm = withActivation(gemm);

const sameShape =
  (perElement: (ctx: Parameters<OpRule>[0]) => number): OpRule =>
  (ctx) => {
    const x = input(ctx, 0);
    return { outputs: [{ dtype: x.dtype, shape: [...x.shape] }], flops: perElement(ctx) * numel(x.shape) };
  };

export const gelu = sameShape(() => 1);
export const biasGelu = sameShape(() => 2);
export const fastGelu = sameShape((ctx) => (ctx.inputs[1] ? 2 : 1));

/** Outputs: output, mean, inv_std_var, input_skip_bias_sum. */
export const skipLayerNorm: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const size = numel(x.shape);
  const stat = [...x.shape.slice(0, -1), 1];
  return {
    outputs: [
      { dtype: x.dtype, shape: [...x.shape] },
      { dtype: x.dtype, shape: stat },
      { dtype: x.dtype, shape: stat },
      { dtype: x.dtype, shape: [...x.shape] },
    ],
    flops: size * (1 + (ctx.inputs[4] ? 1 : 0) + 5),
  };
};
