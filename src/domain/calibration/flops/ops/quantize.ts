import { DataType } from '../../../onnx/types.ts';
import { attrInt, input, type OpRule } from '../opContext.ts';
import { numel } from '../value.ts';

/** QuantizeLinear: 2·|out| (scale and shift). The output type is the zero point's, else output_dtype, else uint8. */
export const quantizeLinear: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const dtype = ctx.inputs[2]?.dtype ?? (attrInt(ctx.node, 'output_dtype', 0) || DataType.UINT8);
  return { outputs: [{ dtype, shape: [...x.shape] }], flops: 2 * numel(x.shape) };
};

/** DequantizeLinear: 2·|out|; the output has the scale's type (float unless float16 scales). */
export const dequantizeLinear: OpRule = (ctx) => {
  const x = input(ctx, 0);
  const dtype = ctx.inputs[1]?.dtype ?? DataType.FLOAT;
  return { outputs: [{ dtype, shape: [...x.shape] }], flops: 2 * numel(x.shape) };
};

/** DynamicQuantizeLinear: 4·|x| (min/max scan, then scale and shift); y, y_scale, y_zero_point. */
export const dynamicQuantizeLinear: OpRule = (ctx) => {
  const x = input(ctx, 0);
  return {
    outputs: [
      { dtype: DataType.UINT8, shape: [...x.shape] },
      { dtype: DataType.FLOAT, shape: [] },
      { dtype: DataType.UINT8, shape: [] },
    ],
    flops: 4 * numel(x.shape),
  };
};
