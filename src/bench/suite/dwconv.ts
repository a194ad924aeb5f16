/**
 * dwconv: MobileNet-style blocks, a depthwise 3×3 Conv (group = C) then a pointwise 1×1 Conv, each with bias
 * and ReLU6 (Clip 0..6). Depthwise convs do little work per byte and run far below GEMM rates.
 */
import { DataType } from '../../domain/onnx/types.ts';
import { builderFor, finishModel, suiteId } from './assemble.ts';
import { kaiming } from './layers.ts';
import type { BuiltModel, SuiteFamilyModule, SuiteSize, SuiteSpec } from './types.ts';

export interface DwconvConfig {
  channels: number;
  /** Spatial size (square). */
  size: number;
  blocks: number;
}

export const DWCONV_SIZES: Partial<Record<SuiteSize, DwconvConfig>> = {
  s: { channels: 32, size: 56, blocks: 4 },
  m: { channels: 64, size: 56, blocks: 6 },
};

function sizes(): SuiteSize[] {
  return (['s', 'm', 'l'] as const).filter((s) => DWCONV_SIZES[s]);
}

function spec(size: SuiteSize): SuiteSpec {
  const c = DWCONV_SIZES[size] as DwconvConfig;
  return {
    id: suiteId('dwconv', size, 'fp32'),
    family: 'dwconv',
    size,
    precision: 'fp32',
    label: `Depthwise conv ${size.toUpperCase()} ${c.channels}×${c.size}×${c.size} × ${c.blocks} blocks`,
    description: `${c.blocks} MobileNet blocks (depthwise 3×3 + pointwise 1×1, ReLU6) at ${c.channels} channels, ${c.size}×${c.size}.`,
  };
}

function build(s: SuiteSpec): BuiltModel {
  const c = DWCONV_SIZES[s.size];
  if (!c) throw new Error(`no dwconv size '${s.size}'`);
  const g = builderFor(s);
  const ch = c.channels;
  const shape = ['batch' as const, ch, c.size, c.size];
  let h = g.input('x', DataType.FLOAT, shape);
  const weights = (hint: string, dims: number[], fanIn: number) =>
    g.floatTensor(hint, dims, g.randomFloats(dims.reduce((p, d) => p * d, 1), kaiming(fanIn)));
  const bias = () => g.floatTensor('bias', [ch], g.randomFloats(ch, 0.05));
  for (let b = 0; b < c.blocks; b++) {
    h = g.clip(g.conv(h, weights('dw_weight', [ch, 1, 3, 3], 9), bias(), { pads: [1, 1, 1, 1], group: ch }), 0, 6);
    h = g.clip(g.conv(h, weights('pw_weight', [ch, ch, 1, 1], ch), bias()), 0, 6);
  }
  g.output(h);
  return finishModel(s, g, [{ name: 'x', dtype: 'float32', shape }]);
}

export const dwconvFamily: SuiteFamilyModule = { specs: () => sizes().map(spec), build };
