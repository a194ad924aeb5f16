/** mlp: a Gemm+Relu stack with a softmax head (GEMM-bound at large batch, overhead/memory-bound at batch 1). */
import { DataType } from '../../domain/onnx/types.ts';
import { arrowList, builderFor, finishModel, suiteId } from './assemble.ts';
import { dense, kaiming } from './layers.ts';
import type { BuiltModel, SuiteFamilyModule, SuitePrecision, SuiteSize, SuiteSpec } from './types.ts';

/** Layer widths, input first. */
export const MLP_SIZES: Record<SuiteSize, number[]> = {
  s: [784, 256, 256, 10],
  m: [784, 1024, 1024, 10],
  l: [512, 2048, 2048, 512, 100],
};

function spec(size: SuiteSize, precision: SuitePrecision): SuiteSpec {
  const dims = MLP_SIZES[size];
  const q = precision === 'int8' ? ', int8 weights, dynamic activation quantization (MatMulInteger)' : '';
  return {
    id: suiteId('mlp', size, precision),
    family: 'mlp',
    size,
    precision,
    label: `MLP ${size.toUpperCase()} ${arrowList(dims)}${precision === 'int8' ? ' int8' : ''}`,
    description: `Fully connected ${arrowList(dims)} with ReLU and a softmax head${q}. Weight-bandwidth bound at batch 1, GEMM-bound at large batch.`,
  };
}

function build(s: SuiteSpec): BuiltModel {
  return mlpModel(s, MLP_SIZES[s.size]);
}

/** The Gemm+Relu stack for any widths, input first (the probe family reuses it at its own size). */
export function mlpModel(s: SuiteSpec, dims: number[]): BuiltModel {
  const g = builderFor(s);
  let h = g.input('x', DataType.FLOAT, ['batch', dims[0] as number]);
  for (let i = 1; i < dims.length; i++) {
    const inF = dims[i - 1] as number;
    const outF = dims[i] as number;
    h = dense(g, h, inF, outF, { precision: s.precision, weightScale: kaiming(inF), biasScale: 1 / Math.sqrt(inF) });
    h = i < dims.length - 1 ? g.relu(h) : g.softmax(h, -1);
  }
  g.output(h);
  return finishModel(s, g, [{ name: 'x', dtype: 'float32', shape: ['batch', dims[0] as number] }]);
}

export const mlpFamily: SuiteFamilyModule = {
  specs: () => (['s', 'm', 'l'] as const).flatMap((size) => [spec(size, 'fp32'), spec(size, 'int8')]),
  build,
};
