/** matmul: one large MatMul, [batch, N, N] × [N, N]: the GEMM ceiling of a backend. */
import { DataType } from '../../domain/onnx/types.ts';
import { builderFor, finishModel, suiteId } from './assemble.ts';
import type { BuiltModel, SuiteFamilyModule, SuiteSize, SuiteSpec } from './types.ts';

export const MATMUL_SIZES: Record<SuiteSize, number> = { s: 256, m: 512, l: 1024 };

function spec(size: SuiteSize): SuiteSpec {
  const n = MATMUL_SIZES[size];
  return {
    id: suiteId('matmul', size, 'fp32'),
    family: 'matmul',
    size,
    precision: 'fp32',
    label: `MatMul ${size.toUpperCase()} ${n}×${n}×${n}`,
    description: `A single [${n}×${n}]·[${n}×${n}] matrix product per sample: the backend's GEMM peak.`,
  };
}

function build(s: SuiteSpec): BuiltModel {
  return matmulModel(s, MATMUL_SIZES[s.size]);
}

/** [batch, n, n] × [n, n] for any n (the probe family reuses it at its own size). */
export function matmulModel(s: SuiteSpec, n: number): BuiltModel {
  const g = builderFor(s);
  const shape = ['batch' as const, n, n];
  const x = g.input('a', DataType.FLOAT, shape);
  const w = g.floatTensor('b', [n, n], g.randomFloats(n * n, 1 / Math.sqrt(n)));
  g.output(g.matMul(x, w));
  return finishModel(s, g, [{ name: 'a', dtype: 'float32', shape }]);
}

export const matmulFamily: SuiteFamilyModule = { specs: () => (['s', 'm', 'l'] as const).map(spec), build };
