import { describe, expect, it } from 'vitest';
import { buildSuiteModel, suiteSpecs } from '../../../src/bench/suite/index.ts';
import { costSplit, flopSplit } from '../../../src/domain/calibration/costSplit.ts';
import { chooseFeatures, deviceLine, fitDevice, predictLatency, type DeviceFit, type DevicePoint } from '../../../src/domain/calibration/predict.ts';

describe('FLOPs by kernel class', () => {
  it('splits every suite model exactly into its FLOPs per sample', () => {
    for (const spec of suiteSpecs()) {
      const b = buildSuiteModel(spec);
      const s = costSplit(b.model);
      expect(s.gemm + s.conv + s.depthwise + s.other, spec.id).toBe(b.flopsPerSample);
    }
  });

  it('puts an MLP in GEMM, a CNN in conv, depthwise convs apart, and an elementwise chain in other', () => {
    const mlp = costSplit(buildSuiteModel('mlp-m').model);
    expect(mlp.gemm).toBe(2 * (784 * 1024 + 1024 * 1024 + 1024 * 10) + 1024 + 1024 + 10); // Gemm with biases; ReLU and softmax are 'other'
    expect(costSplit(buildSuiteModel('cnn-s').model).conv).toBeGreaterThan(0.99 * buildSuiteModel('cnn-s').flopsPerSample);
    const dw = costSplit(buildSuiteModel('dwconv-s').model);
    expect(dw.depthwise).toBeGreaterThan(0);
    expect(dw.conv).toBeGreaterThan(0);
    const el = costSplit(buildSuiteModel('eltwise-s').model);
    expect(el).toMatchObject({ gemm: 0, conv: 0, depthwise: 0 });
    expect(mlp.nodes).toBe(buildSuiteModel('mlp-m').model.graph.nodes.length);
  });
});

describe('a device fit with one rate per class', () => {
  // GEMM 60 GFLOP/s, conv 40, depthwise 8, other 4; activations 20 GB/s; 0.03 ms per call.
  const truth: DeviceFit = { overheadMs: 0.03, gflopsEffective: 60, gbPerSecEffective: 20, features: 'classes+activations', classRates: { gemm: 60, conv: 40, depthwise: 8, other: 4 } };
  const models = ['mlp-s', 'mlp-m', 'cnn-s', 'cnn-m', 'transformer-s', 'eltwise-s', 'eltwise-m', 'dwconv-s', 'dwconv-m', 'matmul-s', 'recommender-s'].map((id) => {
    const b = buildSuiteModel(id);
    return { id, cost: { flopsPerSample: b.flopsPerSample, fixedFlops: b.fixedFlops, paramsBytes: b.paramsBytes, activationBytesPerSample: b.activationBytesPerSample, split: costSplit(b.model) } };
  });
  const points: DevicePoint[] = models.flatMap((m) => [1, 4, 16].map((batch) => ({ modelId: m.id, batch, ms: predictLatency(truth, m.cost, batch), ...m.cost })));

  it('recovers the class rates from measurements that follow them', () => {
    const fit = fitDevice(points, 'classes+activations');
    expect(fit.classRates!.gemm! / 60).toBeCloseTo(1, 3);
    expect(fit.classRates!.conv! / 40).toBeCloseTo(1, 3);
    expect(fit.classRates!.depthwise! / 8).toBeCloseTo(1, 3);
    expect(fit.classRates!.other! / 4).toBeCloseTo(1, 3);
  });

  it('is chosen over a single rate when the classes differ, and only when every model has a split', () => {
    const r = chooseFeatures(points);
    expect(r.features).toBe('classes+activations');
    expect(r.reports['classes+activations']!.medianAbsErrPct).toBeLessThan(0.1);
    expect(r.reports['flops']!.medianAbsErrPct).toBeGreaterThan(10);
    const noSplit = points.map(({ split: _split, ...p }) => p);
    expect(Object.keys(chooseFeatures(noSplit).reports)).not.toContain('classes+activations');
  });
});

describe('a device fit that knows where the cache ends', () => {
  // As above, plus 2 µs per operator and outputs above 4 MB at 5 GB/s (they spill out of the cache).
  const truth: DeviceFit = {
    overheadMs: 0.03, perNodeMs: 0.002, gflopsEffective: 60, gbPerSecEffective: 20, features: 'classes+memory',
    classRates: { gemm: 60, conv: 40, depthwise: 8, other: 4 }, spill: { thresholdBytes: 4e6, gbPerSec: 5 },
  };
  const ids = ['mlp-s', 'mlp-m', 'cnn-s', 'cnn-m', 'transformer-s', 'eltwise-s', 'eltwise-m', 'dwconv-s', 'dwconv-m', 'matmul-s', 'recommender-s'];
  const costs = ids.map((id) => {
    const b = buildSuiteModel(id);
    return { id, cost: { flopsPerSample: b.flopsPerSample, fixedFlops: b.fixedFlops, paramsBytes: b.paramsBytes, activationBytesPerSample: b.activationBytesPerSample, split: flopSplit(b.model) } };
  });
  const points: DevicePoint[] = costs.flatMap((m) => [1, 4, 16, 64].map((batch) => ({ modelId: m.id, batch, ms: predictLatency(truth, m.cost, batch), ...m.cost })));

  it('finds the spill threshold and predicts every model it did not see', () => {
    const fit = fitDevice(points, 'classes+memory');
    expect(fit.spill!.thresholdBytes).toBe(4e6);
    expect(fit.perNodeMs!).toBeCloseTo(0.002, 5);
    const r = chooseFeatures(points);
    expect(r.features).toBe('classes+memory');
    expect(r.reports['classes+memory']!.worstAbsErrPct).toBeLessThan(1);
    expect(r.reports['classes+activations']!.worstAbsErrPct).toBeGreaterThan(10);
  });

  it('summarises the curve for the capacity engine as a line over batch 1…32: exact when nothing spills', () => {
    const mlp = costs.find((c) => c.id === 'mlp-m')!.cost;
    const line = deviceLine(truth, mlp);
    for (const b of [1, 8, 32]) expect(line.aMs + b * line.bMs).toBeCloseTo(predictLatency(truth, mlp, b), 6);
    const eltwise = costs.find((c) => c.id === 'eltwise-m')!.cost;
    const bent = deviceLine(truth, eltwise);
    expect(bent.aMs).toBeGreaterThanOrEqual(0);
    for (const b of [1, 4, 16, 32]) expect(Math.abs((bent.aMs + b * bent.bMs) / predictLatency(truth, eltwise, b) - 1)).toBeLessThan(0.6);
  });

  it('is not offered with too few points to fit eight coefficients', () => {
    const few = points.filter((p) => p.batch === 1).slice(0, 10);
    expect(Object.keys(chooseFeatures(few).reports)).toEqual(['flops', 'flops+activations', 'flops+bytes']);
  });
});
