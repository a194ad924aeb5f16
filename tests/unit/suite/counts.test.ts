/**
 * The suite's analytic numbers, checked exactly against formulas written out here from the FLOP conventions
 * (docs: multiply-add = 2; Gemm/MatMul 2·|out|·K (+|out| bias); Conv 2·|out|·Cin/g·k² (+|out|); elementwise 1;
 * Softmax 3; LayerNormalization 5; MaxPool |out|·k²; ReduceMean |in|; Q/DQ 2; DynamicQuantizeLinear 4;
 * data movement 0), independently of the builder's code.
 */
import { describe, expect, it } from 'vitest';
import { buildSuiteModel } from '../../../src/bench/suite/index.ts';
import type { BuiltModel, SuiteSize } from '../../../src/bench/suite/index.ts';
import { CNN_SIZES } from '../../../src/bench/suite/cnn.ts';
import { DWCONV_SIZES } from '../../../src/bench/suite/dwconv.ts';
import { ELTWISE_SIZES } from '../../../src/bench/suite/eltwise.ts';
import { MATMUL_SIZES } from '../../../src/bench/suite/matmul.ts';
import { MLP_SIZES } from '../../../src/bench/suite/mlp.ts';
import { RECOMMENDER_SIZES } from '../../../src/bench/suite/recommender.ts';
import { TRANSFORMER_SIZES } from '../../../src/bench/suite/transformer.ts';

interface Expected {
  flopsPerSample: number;
  fixedFlops: number;
  paramsBytes: number;
  activationBytesPerSample: number;
}

const F32 = 4;
const sizes: SuiteSize[] = ['s', 'm', 'l'];
const pairs = <T>(xs: T[]) => xs.slice(1).map((x, i) => [xs[i] as T, x] as const);

function counts(m: BuiltModel): Expected {
  return { flopsPerSample: m.flopsPerSample, fixedFlops: m.fixedFlops, paramsBytes: m.paramsBytes, activationBytesPerSample: m.activationBytesPerSample };
}

// ---- mlp ------------------------------------------------------------------------------------------------

function mlpFp32(dims: number[]): Expected {
  const layers = pairs(dims);
  const last = dims[dims.length - 1] as number;
  let flops = 0;
  let params = 0;
  let act = 0;
  layers.forEach(([i, o], k) => {
    flops += 2 * i * o + o; // Gemm with bias
    params += F32 * (i * o + o);
    act += F32 * o; // Gemm out
    if (k < layers.length - 1) {
      flops += o; // Relu
      act += F32 * o;
    }
  });
  flops += 3 * last; // Softmax
  act += F32 * last;
  return { flopsPerSample: flops, fixedFlops: 0, paramsBytes: params, activationBytesPerSample: act };
}

function mlpInt8(dims: number[]): Expected {
  const layers = pairs(dims);
  const last = dims[dims.length - 1] as number;
  let flops = 0;
  let params = 1; // the shared int8 zero point
  let act = 0;
  layers.forEach(([i, o], k) => {
    // DynamicQuantizeLinear 4·in, MatMulInteger 2·in·out, Cast 0, Mul by scale, Add bias
    flops += 4 * i + 2 * i * o + o + o;
    // int8 weights, float weight scale, float bias
    params += i * o + 4 + F32 * o;
    // uint8 x_q, then int32 acc, float cast, mul, add
    act += i + 4 * o + 4 * o + 4 * o + 4 * o;
    if (k < layers.length - 1) {
      flops += o;
      act += F32 * o;
    }
  });
  flops += 3 * last;
  act += F32 * last;
  // one scalar Mul (x_scale · w_scale) per layer does not grow with the batch
  return { flopsPerSample: flops, fixedFlops: layers.length, paramsBytes: params, activationBytesPerSample: act };
}

describe('mlp counts', () => {
  it('mlp-m 784→1024→1024→10 matches the worked numbers', () => {
    const m = buildSuiteModel('mlp-m');
    // (2·784·1024 + 1024) + 1024 + (2·1024·1024 + 1024) + 1024 + (2·1024·10 + 10) + 3·10
    expect(m.flopsPerSample).toBe(1_606_656 + 1024 + 2_098_176 + 1024 + 20_490 + 30);
    expect(m.flopsPerSample).toBe(3_727_400);
    expect(m.fixedFlops).toBe(0);
    expect(m.paramsBytes).toBe(4 * (784 * 1024 + 1024 + 1024 * 1024 + 1024 + 1024 * 10 + 10));
    expect(m.activationBytesPerSample).toBe(4 * (1024 * 4 + 10 * 2));
  });

  it.each(sizes)('mlp-%s fp32 and int8', (size) => {
    const dims = MLP_SIZES[size];
    expect(counts(buildSuiteModel(`mlp-${size}`))).toEqual(mlpFp32(dims));
    expect(counts(buildSuiteModel(`mlp-${size}-int8`))).toEqual(mlpInt8(dims));
  });

  it('mlp-s-int8 written out', () => {
    const m = buildSuiteModel('mlp-s-int8');
    const layer = (i: number, o: number) => 4 * i + 2 * i * o + 2 * o;
    expect(m.flopsPerSample).toBe(layer(784, 256) + 256 + layer(256, 256) + 256 + layer(256, 10) + 30);
    expect(m.fixedFlops).toBe(3);
    expect(m.paramsBytes).toBe(784 * 256 + 256 * 256 + 256 * 10 + 3 * 4 + 4 * (256 + 256 + 10) + 1);
  });
});

// ---- cnn ------------------------------------------------------------------------------------------------

function cnn(size: SuiteSize, int8: boolean): Expected {
  const c = CNN_SIZES[size];
  let [cin, h, w] = c.input;
  let flops = 0;
  let fixed = 0;
  let params = int8 ? 4 + 1 + 4 + 1 + 1 + 4 : 0; // shared: two act scales, two uint8 zero points, int8 zp, int32 zp
  let act = 0;
  for (const cout of c.channels) {
    const inEl = cin * h * w;
    const convEl = cout * h * w; // 3×3, pad 1, stride 1
    const poolEl = cout * (h / 2) * (w / 2);
    const weights = cout * cin * 9;
    if (int8) {
      flops += 2 * inEl + 2 * inEl; // Q, DQ of the block input
      act += inEl + F32 * inEl;
      fixed += 2 * weights + 2 * cout; // DQ of int8 weights and int32 bias
      params += weights + 4 + 4 * cout + 4; // w_q, w scale, bias_q, bias scale
    } else {
      params += F32 * (weights + cout);
    }
    flops += 2 * convEl * cin * 9 + convEl; // Conv + bias
    flops += convEl; // Relu
    act += F32 * convEl * 2;
    if (int8) {
      flops += 4 * convEl; // Q, DQ of the Relu output
      act += convEl + F32 * convEl;
    }
    flops += poolEl * 4; // MaxPool 2×2
    act += F32 * poolEl;
    cin = cout;
    h /= 2;
    w /= 2;
  }
  const feat = cin * h * w;
  act += F32 * feat; // Flatten
  if (int8) {
    flops += 4 * feat;
    act += feat + F32 * feat;
    fixed += 2 * feat * c.classes + 2 * c.classes;
    params += feat * c.classes + 4 + 4 * c.classes + 4;
  } else {
    params += F32 * (feat * c.classes + c.classes);
  }
  flops += 2 * feat * c.classes + c.classes;
  act += F32 * c.classes;
  return { flopsPerSample: flops, fixedFlops: fixed, paramsBytes: params, activationBytesPerSample: act };
}

describe('cnn counts', () => {
  it('cnn-s 3×32×32, 32-64-128, 10 classes written out', () => {
    const m = buildSuiteModel('cnn-s');
    const block1 = 2 * 32 * 32 * 32 * 3 * 9 + 32 * 32 * 32 + 32 * 32 * 32 + 32 * 16 * 16 * 4;
    const block2 = 2 * 64 * 16 * 16 * 32 * 9 + 64 * 16 * 16 + 64 * 16 * 16 + 64 * 8 * 8 * 4;
    const block3 = 2 * 128 * 8 * 8 * 64 * 9 + 128 * 8 * 8 + 128 * 8 * 8 + 128 * 4 * 4 * 4;
    const head = 2 * 2048 * 10 + 10;
    expect(m.flopsPerSample).toBe(block1 + block2 + block3 + head);
    expect(m.paramsBytes).toBe(4 * (32 * 27 + 32 + 64 * 32 * 9 + 64 + 128 * 64 * 9 + 128 + 2048 * 10 + 10));
  });

  it.each(sizes)('cnn-%s fp32 and int8 (QDQ)', (size) => {
    expect(counts(buildSuiteModel(`cnn-${size}`))).toEqual(cnn(size, false));
    expect(counts(buildSuiteModel(`cnn-${size}-int8`))).toEqual(cnn(size, true));
  });
});

// ---- transformer ----------------------------------------------------------------------------------------

function transformer(size: SuiteSize, int8: boolean): Expected {
  const { seq: S, dModel: D, heads: H, ffn: F, layers: L } = TRANSFORMER_SIZES[size];
  const dh = D / H;
  const SD = S * D;
  const SF = S * F;
  const HSS = H * S * S;
  // attention core, the same in both precisions: QKᵀ, scale Mul, Softmax, ·V
  const attnFlops = 2 * HSS * dh + HSS + 3 * HSS + 2 * H * S * dh * S;
  // residual Adds, LayerNorms, GELU (Div, Erf, Add, Mul, Mul)
  const otherFlops = 2 * SD + 2 * 5 * SD + 5 * SF;
  let perLayer: number;
  let actPerLayer: number;
  let paramsPerLayer: number;
  let fixedPerLayer = 0;
  // LayerNorm gammas and betas, biases: float either way
  const floatsPerLayer = 4 * D + (4 * D + F + D);
  if (!int8) {
    const linear = 3 * (2 * SD * D + SD) + (2 * SD * D + SD) + (2 * SD * F + SF) + (2 * SF * D + SD);
    perLayer = linear + attnFlops + otherFlops;
    // see the op list: 23 [S,D] tensors, 3 [H,S,S], 7 [S,F]
    actPerLayer = F32 * (23 * SD + 3 * HSS + 7 * SF);
    paramsPerLayer = F32 * (4 * D * D + 2 * D * F + floatsPerLayer);
  } else {
    // DynamicQuantizeLinear 4·|x| (once for Q/K/V), MatMulInteger, Mul by scale, Add bias
    const qkv = 4 * SD + 3 * (2 * SD * D + 2 * SD);
    const out = 4 * SD + 2 * SD * D + 2 * SD;
    const ffn1 = 4 * SD + 2 * SD * F + 2 * SF;
    const ffn2 = 4 * SF + 2 * SF * D + 2 * SD;
    perLayer = qkv + out + ffn1 + ffn2 + attnFlops + otherFlops;
    fixedPerLayer = 6; // x_scale·w_scale per MatMulInteger
    // the fp32 activation list with each float projection (2 tensors) replaced by x_q (u8) + 4 tensors
    actPerLayer = F32 * (23 * SD + 3 * HSS + 7 * SF) - F32 * (5 * 2 * SD + 2 * SF) + (4 * 4 * 5 * SD + 4 * 4 * SF) + (3 * SD + SF);
    paramsPerLayer = 4 * D * D + 2 * D * F + 6 * 4 + F32 * floatsPerLayer;
  }
  // shared: Reshape shapes [0,0,H,dh] and [0,0,D] (int64), scalars 1/√dh, √2, 1, 0.5, and int8 zero point
  const shared = 8 * 4 + 8 * 3 + 4 * 4 + (int8 ? 1 : 0);
  return {
    flopsPerSample: L * perLayer,
    fixedFlops: L * fixedPerLayer,
    paramsBytes: L * paramsPerLayer + shared,
    activationBytesPerSample: L * actPerLayer,
  };
}

describe('transformer counts', () => {
  it('transformer-s (S=64 D=128 H=4 F=512 L=2) written out', () => {
    const m = buildSuiteModel('transformer-s');
    const S = 64;
    const D = 128;
    const F = 512;
    const layer =
      3 * (2 * S * D * D + S * D) + // Q, K, V projections + bias
      (2 * 4 * S * S * 32 + 4 * S * S + 3 * 4 * S * S + 2 * 4 * S * 32 * S) + // QKᵀ, ·1/√d, Softmax, ·V
      (2 * S * D * D + S * D) + // output projection
      S * D + 5 * S * D + // residual, LayerNorm
      (2 * S * D * F + S * F) + 5 * S * F + (2 * S * F * D + S * D) + // FFN with erf-GELU
      S * D + 5 * S * D;
    expect(m.flopsPerSample).toBe(2 * layer);
    expect(m.fixedFlops).toBe(0);
  });

  it.each(sizes)('transformer-%s fp32 and int8 (dynamic)', (size) => {
    expect(counts(buildSuiteModel(`transformer-${size}`))).toEqual(transformer(size, false));
    expect(counts(buildSuiteModel(`transformer-${size}-int8`))).toEqual(transformer(size, true));
  });
});

// ---- recommender, eltwise, dwconv, matmul ---------------------------------------------------------------

function recommender(size: SuiteSize): Expected {
  const c = RECOMMENDER_SIZES[size];
  const E = c.embed;
  let flops = c.history * E; // ReduceMean over the history
  let params = F32 * E * (c.users + c.items + c.categories);
  let width = 3 * E + c.dense;
  // gathers: user E, history L·E, category E; mean E; concat
  let act = F32 * (E + c.history * E + E + E + width);
  c.tower.forEach((o, k) => {
    flops += 2 * width * o + o;
    params += F32 * (width * o + o);
    act += F32 * o;
    if (k < c.tower.length - 1) {
      flops += o;
      act += F32 * o;
    }
    width = o;
  });
  return { flopsPerSample: flops, fixedFlops: 0, paramsBytes: params, activationBytesPerSample: act };
}

describe('recommender, eltwise, dwconv and matmul counts', () => {
  it('recommender-s written out', () => {
    const m = buildSuiteModel('recommender-s');
    expect(m.flopsPerSample).toBe(20 * 32 + (2 * 112 * 256 + 256) + 256 + (2 * 256 * 128 + 128) + 128 + (2 * 128 * 64 + 64));
    expect(m.paramsBytes).toBe(4 * (10_000 * 32 + 10_000 * 32 + 100 * 32) + 4 * (112 * 256 + 256 + 256 * 128 + 128 + 128 * 64 + 64));
  });

  it.each(sizes)('recommender-%s', (size) => {
    expect(counts(buildSuiteModel(`recommender-${size}`))).toEqual(recommender(size));
  });

  it.each(Object.keys(ELTWISE_SIZES) as SuiteSize[])('eltwise-%s', (size) => {
    const c = ELTWISE_SIZES[size];
    if (!c) throw new Error('missing size');
    const n = c.shape[0] * c.shape[1] * c.shape[2];
    expect(counts(buildSuiteModel(`eltwise-${size}`))).toEqual({
      flopsPerSample: 3 * c.rounds * n, // Mul, Add, Clip
      fixedFlops: 0,
      paramsBytes: 4 * 4, // mul, add, min, max scalars
      activationBytesPerSample: F32 * 3 * c.rounds * n,
    });
  });

  it('eltwise-m written out', () => {
    expect(buildSuiteModel('eltwise-m').flopsPerSample).toBe(120 * 32 * 56 * 56);
  });

  it.each(Object.keys(DWCONV_SIZES) as SuiteSize[])('dwconv-%s', (size) => {
    const c = DWCONV_SIZES[size];
    if (!c) throw new Error('missing size');
    const C = c.channels;
    const n = C * c.size * c.size;
    const block = 2 * n * 1 * 9 + n + n + (2 * n * C + n) + n; // depthwise+bias, Clip, pointwise+bias, Clip
    expect(counts(buildSuiteModel(`dwconv-${size}`))).toEqual({
      flopsPerSample: c.blocks * block,
      fixedFlops: 0,
      paramsBytes: c.blocks * F32 * (C * 9 + C + C * C + C) + 2 * 4, // + Clip bounds 0 and 6
      activationBytesPerSample: c.blocks * 4 * F32 * n,
    });
  });

  it.each(sizes)('matmul-%s', (size) => {
    const n = MATMUL_SIZES[size];
    expect(counts(buildSuiteModel(`matmul-${size}`))).toEqual({
      flopsPerSample: 2 * n * n * n,
      fixedFlops: 0,
      paramsBytes: F32 * n * n,
      activationBytesPerSample: F32 * n * n,
    });
  });

  it('matmul-l is 2·1024³', () => {
    expect(buildSuiteModel('matmul-l').flopsPerSample).toBe(2_147_483_648);
  });
});

describe('probe counts, written out by hand', () => {
  it('probe-call: one 16×16 by 16×16 product per sample', () => {
    expect(counts(buildSuiteModel('probe-call'))).toEqual({ flopsPerSample: 2 * 16 * 16 * 16, fixedFlops: 0, paramsBytes: F32 * 16 * 16, activationBytesPerSample: F32 * 16 * 16 });
  });

  it('probe-stream: 12 elementwise ops on 48·112·112 values', () => {
    const n = 48 * 112 * 112;
    expect(counts(buildSuiteModel('probe-stream'))).toEqual({ flopsPerSample: 12 * n, fixedFlops: 0, paramsBytes: 4 * 4, activationBytesPerSample: F32 * 12 * n });
  });

  it('probe-weights: the MLP 784→512→512→10 counted like mlp-s', () => {
    expect(counts(buildSuiteModel('probe-weights'))).toEqual(mlpFp32([784, 512, 512, 10]));
    expect(buildSuiteModel('probe-weights').flopsPerSample).toBe(2 * 784 * 512 + 512 + 512 + 2 * 512 * 512 + 512 + 512 + 2 * 512 * 10 + 10 + 3 * 10); // Gemm+bias, Relu, Gemm+bias, Relu, Gemm+bias, Softmax (3 per value)
  });
});
