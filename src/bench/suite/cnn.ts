/** cnn: Conv(3×3, bias) + Relu + MaxPool(2×2) blocks, Flatten, Gemm head (conv-bound). */
import { DataType } from '../../domain/onnx/types.ts';
import type { GraphBuilder } from '../../domain/onnx/build.ts';
import { arrowList, builderFor, finishModel, suiteId } from './assemble.ts';
import { kaiming } from './layers.ts';
import { dequantizedBias, dequantizedWeight, fakeQuant, reluRange, SIGNED_UNIT } from './quant.ts';
import type { ActQuant } from './quant.ts';
import type { BuiltModel, SuiteFamilyModule, SuitePrecision, SuiteSize, SuiteSpec } from './types.ts';

export interface CnnConfig {
  /** Input [channels, height, width]. */
  input: [number, number, number];
  channels: number[];
  classes: number;
}

export const CNN_SIZES: Record<SuiteSize, CnnConfig> = {
  s: { input: [3, 32, 32], channels: [32, 64, 128], classes: 10 },
  m: { input: [3, 64, 64], channels: [32, 64, 128, 256], classes: 100 },
  l: { input: [3, 128, 128], channels: [32, 64, 128, 256, 512], classes: 100 },
};

/** ReLU outputs are quantized over [0, RELU_MAX]; chosen from the fp32 models' measured activation ranges. */
export const CNN_RELU_MAX = 10;

function spec(size: SuiteSize, precision: SuitePrecision): SuiteSpec {
  const c = CNN_SIZES[size];
  const q = precision === 'int8' ? ' Static int8 (QDQ: uint8 activations, int8 weights), which onnxruntime runs as QLinearConv.' : '';
  return {
    id: suiteId('cnn', size, precision),
    family: 'cnn',
    size,
    precision,
    label: `CNN ${size.toUpperCase()} ${c.input.join('×')} ch ${arrowList(c.channels)}${precision === 'int8' ? ' int8' : ''}`,
    description: `${c.channels.length} blocks of 3×3 Conv + ReLU + 2×2 MaxPool on a ${c.input.join('×')} image, then a dense head to ${c.classes} classes.${q}`,
  };
}

function convBlock(g: GraphBuilder, x: string, cin: number, cout: number, inQuant: ActQuant | undefined): string {
  const w = g.randomFloats(cout * cin * 9, kaiming(cin * 9));
  const b = g.randomFloats(cout, 0.05);
  const wDims = [cout, cin, 3, 3];
  let c: string;
  if (!inQuant) {
    c = g.conv(x, g.floatTensor('weight', wDims, w), g.floatTensor('bias', [cout], b), { pads: [1, 1, 1, 1] });
  } else {
    const weight = dequantizedWeight(g, wDims, w);
    const bias = dequantizedBias(g, b, inQuant.scale, weight.scale);
    c = g.conv(fakeQuant(g, x, inQuant), weight.name, bias, { pads: [1, 1, 1, 1] });
  }
  let r = g.relu(c);
  if (inQuant) r = fakeQuant(g, r, reluRange(CNN_RELU_MAX));
  return g.maxPool(r, [2, 2]);
}

function build(s: SuiteSpec): BuiltModel {
  const cfg = CNN_SIZES[s.size];
  const int8 = s.precision === 'int8';
  const g = builderFor(s);
  const inShape = ['batch' as const, ...cfg.input];
  let h = g.input('image', DataType.FLOAT, inShape);
  let cin = cfg.input[0];
  cfg.channels.forEach((cout, i) => {
    const inQuant = int8 ? (i === 0 ? SIGNED_UNIT : reluRange(CNN_RELU_MAX)) : undefined;
    h = convBlock(g, h, cin, cout, inQuant);
    cin = cout;
  });
  h = g.flatten(h, 1);
  const features = g.shape(h)[1] as number;
  const w = g.randomFloats(features * cfg.classes, 1 / Math.sqrt(features));
  const b = g.randomFloats(cfg.classes, 0.05);
  if (!int8) {
    h = g.gemm(h, g.floatTensor('weight', [features, cfg.classes], w), g.floatTensor('bias', [cfg.classes], b));
  } else {
    const aq = reluRange(CNN_RELU_MAX);
    const weight = dequantizedWeight(g, [features, cfg.classes], w);
    h = g.gemm(fakeQuant(g, h, aq), weight.name, dequantizedBias(g, b, aq.scale, weight.scale));
  }
  g.output(h);
  return finishModel(s, g, [{ name: 'image', dtype: 'float32', shape: inShape }]);
}

export const cnnFamily: SuiteFamilyModule = {
  specs: () => (['s', 'm', 'l'] as const).flatMap((size) => [spec(size, 'fp32'), spec(size, 'int8')]),
  build,
};
