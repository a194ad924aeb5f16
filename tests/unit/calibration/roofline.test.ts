import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSuiteModel } from '../../../src/bench/suite/index.ts';
import { costSplit, flopSplit } from '../../../src/domain/calibration/costSplit.ts';
import { activeSetNnls, nonNegativeLeastSquares } from '../../../src/domain/calibration/leastSquares.ts';
import { chooseFeatures, deviceLine, fitDevice, leaveOneModelOut, predictLatency, type DeviceFit, type DevicePoint, type ModelCost } from '../../../src/domain/calibration/predict.ts';
import { readProfile, type DeviceProfile } from '../../../src/domain/calibration/profile.ts';
import { ROOFLINE_GRID } from '../../../src/domain/calibration/roofline.ts';
import { GraphBuilder } from '../../../src/domain/onnx/build.ts';
import { DataType } from '../../../src/domain/onnx/types.ts';

const SUITE = ['mlp-s', 'mlp-m', 'cnn-s', 'cnn-m', 'transformer-s', 'transformer-m', 'recommender-s', 'recommender-m', 'eltwise-s', 'eltwise-m', 'dwconv-s', 'dwconv-m', 'matmul-s', 'matmul-m'];

/** A suite model's costs, as a profile records them. */
const costOf = (id: string): ModelCost => {
  const b = buildSuiteModel(id);
  return { flopsPerSample: b.flopsPerSample, fixedFlops: b.fixedFlops, paramsBytes: b.paramsBytes, activationBytesPerSample: b.activationBytesPerSample, split: flopSplit(b.model) };
};
const costs = new Map<string, ModelCost>(SUITE.map((id) => [id, costOf(id)]));
const opsOf = (id: string) => costs.get(id)!.split!.operators!;

describe('per-operator costs', () => {
  it('gives each GEMM of an MLP its FLOPs, its weight bytes and its output; the ReLUs run fused into the Gemm', () => {
    const ops = opsOf('mlp-s');
    expect(ops.gemm).toEqual([
      [2 * 784 * 256 + 256, (784 * 256 + 256) * 4, 256 * 4],
      [2 * 256 * 256 + 256, (256 * 256 + 256) * 4, 256 * 4],
      [2 * 256 * 10 + 10, (256 * 10 + 10) * 4, 10 * 4],
    ]);
    // Only the softmax head moves bytes of its own: 10 floats in, 10 out.
    expect(ops.memory).toEqual([[80, 40]]);
    expect(ops.specialElements).toBe(10);
    expect(ops).toMatchObject({ inputs: 1, outputBytes: 40, conv: [] });
  });

  it('charges an elementwise chain by the bytes each op reads and writes, weights (its scalars) excluded', () => {
    const ops = opsOf('eltwise-s');
    const tensor = 16 * 56 * 56 * 4;
    expect(ops.memory).toHaveLength(30);
    expect(ops.memory.every(([bytes, largest]) => bytes === 2 * tensor && largest === tensor)).toBe(true);
    expect(ops).toMatchObject({ gemm: [], specialElements: 0, outputBytes: tensor });
  });

  it('counts LayerNorm, Softmax and Erf elements as special work, and attention MatMuls as GEMMs without weights', () => {
    const ops = opsOf('transformer-s');
    // Two blocks, each: 2 LayerNorms over 64×128, a softmax over 4×64×64, an Erf over 64×512.
    expect(ops.specialElements).toBe(2 * (2 * 64 * 128 + 4 * 64 * 64 + 64 * 512));
    expect(ops.gemm).toHaveLength(16);
    expect(ops.gemm.filter(([, weights]) => weights === 0)).toHaveLength(4);
    expect(ops.outputBytes).toBe(64 * 128 * 4);
  });

  it('leaves the Clip after each convolution to the conv kernel and lists each conv output', () => {
    const ops = opsOf('dwconv-s');
    expect(ops.memory).toEqual([]);
    expect(ops.conv).toEqual(new Array(8).fill(32 * 56 * 56 * 4));
    expect(opsOf('cnn-s').memory).toHaveLength(3); // three MaxPools; the ReLUs are fused, Flatten is a relabel
  });

  it('counts every graph input a call feeds', () => {
    expect(opsOf('recommender-s').inputs).toBe(4);
    expect(opsOf('matmul-s').inputs).toBe(1);
  });

  it('does not fuse an activation whose producer feeds another op too (x·sigmoid(x))', () => {
    const g = new GraphBuilder('silu', { seed: 1 });
    const x = g.input('x', DataType.FLOAT, ['batch', 4, 8, 8]);
    const c = g.conv(x, g.floatTensor('w', [4, 4, 1, 1], g.randomFloats(16, 0.5)), undefined);
    g.output(g.mul(c, g.unary('Sigmoid', c)));
    const ops = costSplit(g.build().model).operators;
    const t = 4 * 8 * 8 * 4;
    expect(ops.memory).toEqual([[2 * t, t], [3 * t, t]]); // Sigmoid: in + out; Mul: two in + out
    expect(ops.specialElements).toBe(4 * 8 * 8);
  });
});

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('active-set NNLS', () => {
  it('reaches the same optimum as trying every subset', () => {
    const rnd = random(3);
    for (let trial = 0; trial < 40; trial++) {
      const k = 3 + (trial % 6);
      const x = Array.from({ length: 20 }, () => Array.from({ length: k }, () => rnd() * 10));
      const y = x.map(() => rnd() * 10 - 2);
      const w = y.map(() => 0.5 + rnd());
      const exact = nonNegativeLeastSquares(x, y, w);
      const active = activeSetNnls(x, y, w);
      expect(active.loss).toBeCloseTo(exact.loss, 8);
      active.coef.forEach((c, j) => expect(c).toBeCloseTo(exact.coef[j]!, 6));
      expect(active.coef.every((c) => c >= 0)).toBe(true);
    }
  });

  it('solves wider problems exactly, with zero and all-zero columns held at 0', () => {
    const rnd = random(11);
    const truth = [3, 0, 1.5, 0, 0.2, 7, 0, 2, 0.5, 4, 0];
    const x = Array.from({ length: 40 }, () => truth.map((_, j) => (j === 6 ? 0 : rnd())));
    const y = x.map((r) => r.reduce((a, v, j) => a + v * truth[j]!, 0));
    const s = nonNegativeLeastSquares(x, y, y.map(() => 1));
    s.coef.forEach((c, j) => expect(c).toBeCloseTo(truth[j]!, 8));
    expect(s.loss).toBeLessThan(1e-16);
  });
});

/** A device like onnxruntime-node on the 2-vCPU VM (rounded from its fit). */
const TRUTH: DeviceFit = {
  overheadMs: 0.01, gflopsEffective: 80, gbPerSecEffective: 70, features: 'roofline',
  classRates: { gemm: 88, conv: 94, depthwise: 20, other: null },
  roofline: {
    weightFlopsPerByte: 2, tier1Bytes: 2e6, tier2Bytes: 8e6, perInputMs: 0.007, outputGbPerSec: 20, specialNsPerElement: 2, tier1GbPerSec: 300, tier2GbPerSec: 50, computeSpillGbPerSec: 35,
  },
};

describe('the roofline device model', () => {
  const points: DevicePoint[] = SUITE.flatMap((id) => [1, 4, 16, 64].map((batch) => ({ modelId: id, batch, ms: predictLatency(TRUTH, costs.get(id)!, batch), ...costs.get(id)! })));

  it('adds up its terms: mlp-s at batch 1 is bound by reading its weights, at batch 64 by its FLOPs', () => {
    const mlp = costs.get('mlp-s')!;
    const ops = mlp.split!.operators!;
    const weights = ops.gemm.reduce((a, [f, w]) => a + Math.max(f, 2 * w), 0);
    const flops = ops.gemm.reduce((a, [f, w]) => a + Math.max(64 * f, 2 * w), 0);
    const fixed = 0.01 + 0.007 + (80 / 70e9) * 1000 + (10 * 2) / 1e6;
    expect(predictLatency(TRUTH, mlp, 1)).toBeCloseTo(fixed + (40 / 20e9) * 1000 + (weights / 88e9) * 1000, 10);
    expect(weights).toBe(2 * (784 * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10) * 4);
    expect(flops).toBe(64 * mlp.split!.gemm);
    expect(predictLatency(TRUTH, mlp, 64)).toBeCloseTo(64 * (fixed - 0.017) + 0.017 + 64 * ((40 / 20e9) * 1000) + (flops / 88e9) * 1000, 10);
  });

  it('recovers the device it was generated from, thresholds included, and predicts unseen models exactly', () => {
    const fit = fitDevice(points, 'roofline');
    expect(fit.roofline).toMatchObject({ weightFlopsPerByte: 2, tier1Bytes: 2e6, tier2Bytes: 8e6 });
    expect(fit.overheadMs).toBeCloseTo(0.01, 6);
    expect(fit.classRates!.gemm! / 88).toBeCloseTo(1, 5);
    expect(fit.roofline!.specialNsPerElement).toBeCloseTo(2, 5);
    expect(fit.roofline!.computeSpillGbPerSec! / 35).toBeCloseTo(1, 4);
    const r = chooseFeatures(points);
    expect(r.features).toBe('roofline');
    expect(r.reports['roofline']!.worstAbsErrPct).toBeLessThan(0.01);
    expect(r.reports['classes+memory']!.medianAbsErrPct).toBeGreaterThan(1);
  });

  it('tries every cache pair with the outer above the inner', () => {
    expect(ROOFLINE_GRID).toHaveLength(4 * 15);
    expect(ROOFLINE_GRID.every((g) => g.tier2Bytes > g.tier1Bytes)).toBe(true);
  });

  it('is offered only when every point carries per-operator costs (profiles measured before it do not)', () => {
    const old = points.map((p) => {
      const { operators: _ops, ...split } = p.split!;
      return { ...p, split };
    });
    expect(Object.keys(chooseFeatures(old).reports)).not.toContain('roofline');
  });

  it('costs a model without operator detail (a catalog model) from its classes and activation bytes', () => {
    const catalog: ModelCost = { flopsPerSample: 2e9, fixedFlops: 0, paramsBytes: 4e8, activationBytesPerSample: 7e6, split: { gemm: 1.8e9, conv: 0.2e9, depthwise: 0, other: 0 } };
    const perSample = (1.8 / 88 + 0.2 / 94) * 1000 + (7e6 / 70e9) * 1000;
    expect(predictLatency(TRUTH, catalog, 8)).toBeCloseTo(0.017 + 8 * perSample, 10);
    const line = deviceLine(TRUTH, catalog);
    expect(line.aMs).toBeCloseTo(0.017, 8);
    expect(line.bMs).toBeCloseTo(perSample, 8);
  });

  it('summarises the curve as a line for the capacity engine: close where it is straight, a compromise where weights bend it', () => {
    const off = (id: string) => {
      const c = costs.get(id)!;
      const { aMs, bMs } = deviceLine(TRUTH, c);
      expect(aMs).toBeGreaterThanOrEqual(0);
      expect(bMs).toBeGreaterThan(0);
      return Math.max(...[1, 2, 4, 8, 16, 32].map((b) => Math.abs((aMs + bMs * b) / predictLatency(TRUTH, c, b) - 1)));
    };
    expect(off('transformer-s')).toBeLessThan(0.01);
    // mlp-m is weight-bound up to batch ~4 (flat), then FLOP-bound: no line is within 20% of both parts.
    expect(off('mlp-m')).toBeGreaterThan(0.2);
    expect(off('mlp-m')).toBeLessThan(0.35);
  });

  it('round-trips through the profile format with the fit and the operator costs', () => {
    const fit = fitDevice(points, 'roofline');
    const profile: DeviceProfile = {
      format: 'mlsd-device-profile', version: 1, id: 'p', name: 'p', createdAt: '2026-11-23T15:00:00.000Z', runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', device: {},
      models: [{ modelId: 'mlp-s', label: 'MLP S', precision: 'fp32', ...costs.get('mlp-s')!, split: costs.get('mlp-s')!.split!, points: [{ batch: 1, stats: { n: 10, meanMs: 1, p50Ms: 1, p90Ms: 1, p99Ms: 1, minMs: 1, maxMs: 1, sdMs: 0, cv: 0 } }] }],
      deviceFit: fit,
    };
    const back = readProfile(JSON.parse(JSON.stringify(profile)));
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(back.value.deviceFit).toEqual(fit);
      expect(back.value.models[0]!.split!.operators).toEqual(costs.get('mlp-s')!.split!.operators);
    }
  });
});

describe('on recorded measurements (leave-one-model-out)', () => {
  const recorded = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/recorded-min-ms.json'), 'utf8')) as Record<'node' | 'browser', Record<string, Record<string, number>>>;
  const pointsOf = (runtime: 'node' | 'browser'): DevicePoint[] =>
    Object.entries(recorded[runtime]).flatMap(([modelId, byBatch]) => Object.entries(byBatch).map(([batch, ms]) => ({ modelId, batch: Number(batch), ms, ...costs.get(modelId)! })));

  it('onnxruntime-node: median |error| under 5% and 80% of points within ±10%, where the class model got 9.1% and 52%', () => {
    const pts = pointsOf('node');
    const roof = leaveOneModelOut(pts, 'roofline');
    expect(roof.medianAbsErrPct).toBeLessThan(5);
    expect(roof.shareWithin10).toBeGreaterThanOrEqual(0.8);
    expect(roof.worstAbsErrPct).toBeLessThan(25);
    const classes = leaveOneModelOut(pts, 'classes+activations');
    expect(classes.medianAbsErrPct).toBeGreaterThan(9);
    expect(classes.shareWithin10).toBeLessThan(0.55);
  });

  it('onnxruntime-web (wasm): median |error| under 3.5% and 85% within ±10%, where the spill model got 4.9% and 81%', () => {
    const pts = pointsOf('browser');
    const roof = leaveOneModelOut(pts, 'roofline');
    expect(roof.medianAbsErrPct).toBeLessThan(3.5);
    expect(roof.shareWithin10).toBeGreaterThanOrEqual(0.85);
    expect(leaveOneModelOut(pts, 'classes+memory').medianAbsErrPct).toBeGreaterThan(4.5);
  });
});

describe('device probes in the leave-one-model-out check', () => {
  const probeCosts = new Map<string, ModelCost>(['probe-call', 'probe-stream', 'probe-weights'].map((id) => [id, costOf(id)]));
  const all = new Map([...costs, ...probeCosts]);
  // A device that follows the roofline model exactly (TRUTH above).
  const points: DevicePoint[] = [...all.entries()].flatMap(([modelId, c]) => [1, 4, 16].map((batch) => ({ modelId, batch, ms: predictLatency(TRUTH, c, batch), ...c })));

  it('fits the probes every time and never predicts them; the report names them', () => {
    const r = leaveOneModelOut(points, 'roofline', ['probe-call', 'probe-stream', 'probe-weights', 'not-measured']);
    expect(r.alwaysFitted).toEqual(['probe-call', 'probe-stream', 'probe-weights']);
    expect(new Set(r.rows.map((x) => x.modelId))).toEqual(new Set(SUITE));
    expect(r.perModel.map((m) => m.modelId)).toEqual(SUITE);
    expect(r.worstAbsErrPct).toBeLessThan(0.01);
  });

  it('without probes the report has no such field and every model is predicted', () => {
    const r = leaveOneModelOut(points, 'roofline');
    expect(r.alwaysFitted).toBeUndefined();
    expect(new Set(r.rows.map((x) => x.modelId)).size).toBe(SUITE.length + 3);
  });
});

describe('on recorded measurements with the device probes (leave-one-model-out over the suite models)', () => {
  const recorded = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/recorded-probes-min-ms.json'), 'utf8')) as Record<'node' | 'browser', Record<string, Record<string, number>>>;
  const PROBES = ['probe-call', 'probe-stream', 'probe-weights'];
  const pointsOf = (runtime: 'node' | 'browser'): DevicePoint[] =>
    Object.entries(recorded[runtime]).flatMap(([modelId, byBatch]) => {
      const c = costOf(modelId);
      return Object.entries(byBatch).map(([batch, ms]) => ({ modelId, batch: Number(batch), ms, ...c }));
    });

  it.each([
    ['node', 0.77, 0.76],
    ['browser', 0.88, 0.8],
  ] as const)('%s: the probes in every fit lift the share within ±10% (to at least %s, from under %s without them)', (runtime, withProbes, without) => {
    const pts = pointsOf(runtime);
    const probed = leaveOneModelOut(pts, 'roofline', PROBES);
    const bare = leaveOneModelOut(pts.filter((p) => !PROBES.includes(p.modelId)), 'roofline');
    expect(probed.alwaysFitted).toEqual(PROBES);
    expect(probed.rows.length).toBe(bare.rows.length);
    expect(probed.shareWithin10).toBeGreaterThanOrEqual(withProbes);
    expect(bare.shareWithin10).toBeLessThan(without + 1e-9);
    expect(probed.medianAbsErrPct).toBeLessThan(bare.medianAbsErrPct);
  });
});
