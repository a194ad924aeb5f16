/**
 * eltwise: a long chain of Mul → Add → Clip on one activation. Almost no arithmetic per byte, so it
 * measures per-op overhead and memory bandwidth, which FLOP-based estimates miss.
 */
import { DataType } from '../../domain/onnx/types.ts';
import { builderFor, finishModel, suiteId } from './assemble.ts';
import type { BuiltModel, SuiteFamilyModule, SuiteSize, SuiteSpec } from './types.ts';

export interface EltwiseConfig {
  /** Activation [C, H, W]. */
  shape: [number, number, number];
  /** Rounds of (Mul, Add, Clip). */
  rounds: number;
}

export const ELTWISE_SIZES: Partial<Record<SuiteSize, EltwiseConfig>> = {
  s: { shape: [16, 56, 56], rounds: 10 },
  m: { shape: [32, 56, 56], rounds: 40 },
  l: { shape: [64, 112, 112], rounds: 20 },
};

/** Constants exact in binary so every runtime computes bit-identical values. */
export const ELTWISE_CONSTANTS = { mul: 1.0009765625, add: 0.0078125, min: -4, max: 4 };

function sizes(): SuiteSize[] {
  return (['s', 'm', 'l'] as const).filter((s) => ELTWISE_SIZES[s]);
}

function spec(size: SuiteSize): SuiteSpec {
  const c = ELTWISE_SIZES[size] as EltwiseConfig;
  return {
    id: suiteId('eltwise', size, 'fp32'),
    family: 'eltwise',
    size,
    precision: 'fp32',
    label: `Elementwise ${size.toUpperCase()} ${c.shape.join('×')} × ${3 * c.rounds} ops`,
    description: `${c.rounds} rounds of Mul, Add, Clip on a ${c.shape.join('×')} activation: overhead- and bandwidth-bound.`,
  };
}

function build(s: SuiteSpec): BuiltModel {
  const c = ELTWISE_SIZES[s.size];
  if (!c) throw new Error(`no eltwise size '${s.size}'`);
  return eltwiseModel(s, c);
}

/** The chain for any config (the probe family reuses it at its own size). */
export function eltwiseModel(s: SuiteSpec, c: EltwiseConfig): BuiltModel {
  const g = builderFor(s);
  const shape = ['batch' as const, ...c.shape];
  let h = g.input('x', DataType.FLOAT, shape);
  const k = ELTWISE_CONSTANTS;
  for (let r = 0; r < c.rounds; r++) h = g.clip(g.add(g.mul(h, g.scalar(k.mul)), g.scalar(k.add)), k.min, k.max);
  g.output(h);
  return finishModel(s, g, [{ name: 'x', dtype: 'float32', shape }]);
}

export const eltwiseFamily: SuiteFamilyModule = { specs: () => sizes().map(spec), build };
