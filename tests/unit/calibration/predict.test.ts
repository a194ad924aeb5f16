import { describe, expect, it } from 'vitest';
import {
  chooseFeatures, deviceLine, fitDevice, heldOutCheck, leaveOneModelOut, predictLatency, type DeviceFit, type DevicePoint, type ModelCost,
} from '../../../src/domain/calibration/predict.ts';

function noise(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s / 2147483648) * 2 - 1;
  };
}

/** The "true" device: 0.05 ms per call, 30 GFLOP/s, 8 GB/s. */
const TRUTH: DeviceFit = { overheadMs: 0.05, gflopsEffective: 30, gbPerSecEffective: 8, features: 'flops+bytes' };

/** Models whose FLOPs and bytes vary independently, like the suite's families. */
const MODELS: Record<string, ModelCost> = {
  mlp: { flopsPerSample: 4e6, fixedFlops: 0, activationBytesPerSample: 16e3, paramsBytes: 8e6 },
  matmul: { flopsPerSample: 60e6, fixedFlops: 0, activationBytesPerSample: 0.2e6, paramsBytes: 4e6 },
  cnn: { flopsPerSample: 20e6, fixedFlops: 0, activationBytesPerSample: 1.5e6, paramsBytes: 0.5e6 },
  eltwise: { flopsPerSample: 1e6, fixedFlops: 0, activationBytesPerSample: 10e6, paramsBytes: 0 },
  transformer: { flopsPerSample: 200e6, fixedFlops: 0, activationBytesPerSample: 9e6, paramsBytes: 6e6 },
  dwconv: { flopsPerSample: 8e6, fixedFlops: 0, activationBytesPerSample: 5e6, paramsBytes: 0.1e6 },
  int8: { flopsPerSample: 10e6, fixedFlops: 2e6, activationBytesPerSample: 0.5e6, paramsBytes: 2e6 },
};

function synthetic(truth: DeviceFit, noiseFrac: number, seed = 7): DevicePoint[] {
  const rnd = noise(seed);
  return Object.entries(MODELS).flatMap(([modelId, c]) =>
    [1, 4, 16, 64].map((batch) => ({ modelId, batch, ...c, ms: predictLatency(truth, c, batch) * (1 + noiseFrac * rnd()) })),
  );
}

describe('device fit', () => {
  it('recovers overhead, GFLOP/s and GB/s exactly from noiseless data', () => {
    const fit = fitDevice(synthetic(TRUTH, 0), 'flops+bytes');
    expect(fit.overheadMs).toBeCloseTo(0.05, 8);
    expect(fit.gflopsEffective).toBeCloseTo(30, 6);
    expect(fit.gbPerSecEffective).toBeCloseTo(8, 6);
  });

  it('recovers them within tolerance under ±5% noise', () => {
    const fit = fitDevice(synthetic(TRUTH, 0.05), 'flops+bytes');
    expect(Math.abs(fit.overheadMs / 0.05 - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.gflopsEffective! / 30 - 1)).toBeLessThan(0.06);
    expect(Math.abs(fit.gbPerSecEffective! / 8 - 1)).toBeLessThan(0.06);
  });

  it('drops the bandwidth term (null) when the data carries no memory cost, never a negative rate', () => {
    const computeOnly: DeviceFit = { overheadMs: 0.1, gflopsEffective: 50, gbPerSecEffective: null, features: 'flops' };
    const fit = fitDevice(synthetic(computeOnly, 0.02), 'flops+bytes');
    expect(fit.gflopsEffective! / 50).toBeGreaterThan(0.95);
    // Either zeroed (null) or so fast it does not matter.
    expect(fit.gbPerSecEffective === null || fit.gbPerSecEffective > 1000).toBe(true);
    const flopsOnly = fitDevice(synthetic(TRUTH, 0), 'flops');
    expect(flopsOnly.gbPerSecEffective).toBeNull();
    expect(flopsOnly.features).toBe('flops');
  });

  it('predictLatency = overhead + flops/rate + bytes/bandwidth, and deviceLine gives the same a + b·B', () => {
    const c = MODELS.int8!;
    const expected = 0.05 + ((2e6 + 8 * 10e6) / 30e9) * 1e3 + ((2e6 + 8 * 0.5e6) / 8e9) * 1e3;
    expect(predictLatency(TRUTH, c, 8)).toBeCloseTo(expected, 12);
    const { aMs, bMs } = deviceLine(TRUTH, c);
    expect(aMs + bMs * 8).toBeCloseTo(expected, 12);
    expect(aMs).toBeCloseTo(0.05 + (2e6 / 30e9) * 1e3 + (2e6 / 8e9) * 1e3, 12);
  });

  it("'flops+activations' leaves the weights out of the bytes term", () => {
    const truth: DeviceFit = { overheadMs: 0.02, gflopsEffective: 40, gbPerSecEffective: 20, features: 'flops+activations' };
    const c = MODELS.mlp!;
    expect(predictLatency(truth, c, 4)).toBeCloseTo(0.02 + ((4 * 4e6) / 40e9) * 1e3 + ((4 * 16e3) / 20e9) * 1e3, 12);
    expect(deviceLine(truth, c).aMs).toBeCloseTo(0.02, 12);
    const fit = fitDevice(synthetic(truth, 0));
    expect(fit.features).toBe('flops+activations');
    expect(fit.gflopsEffective).toBeCloseTo(40, 6);
    expect(fit.gbPerSecEffective).toBeCloseTo(20, 6);
  });

  it('refuses to fit fewer than two points', () => {
    expect(() => fitDevice(synthetic(TRUTH, 0).slice(0, 1))).toThrow(/at least 2/);
  });
});

describe('held-out checks', () => {
  it('predicts held-out models within a few percent when the device follows the model', () => {
    const r = heldOutCheck(synthetic(TRUTH, 0.03), ['transformer', 'dwconv'], 'flops+bytes');
    expect(r.rows).toHaveLength(8);
    expect(new Set(r.rows.map((x) => x.modelId))).toEqual(new Set(['transformer', 'dwconv']));
    expect(r.medianAbsErrPct).toBeLessThan(5);
    expect(r.shareWithin10).toBe(1);
    expect(r.worstAbsErrPct).toBeLessThan(10);
    for (const row of r.rows) expect(row.errPct).toBeCloseTo(((row.predictedMs - row.measuredMs) / row.measuredMs) * 100, 9);
  });

  it('leave-one-model-out predicts every model from the others', () => {
    const r = leaveOneModelOut(synthetic(TRUTH, 0.03), 'flops+bytes');
    expect(r.method).toBe('leave-one-model-out');
    expect(r.rows).toHaveLength(Object.keys(MODELS).length * 4);
    expect(r.perModel.map((m) => m.modelId)).toEqual(Object.keys(MODELS));
    expect(r.medianAbsErrPct).toBeLessThan(5);
    expect(r.shareWithin10).toBeGreaterThanOrEqual(0.9);
  });

  it('shows the cost of the wrong feature set: FLOPs alone miss the memory-bound model', () => {
    const pts = synthetic(TRUTH, 0);
    const flops = leaveOneModelOut(pts, 'flops');
    const both = leaveOneModelOut(pts, 'flops+bytes');
    const elt = (r: typeof flops) => r.perModel.find((m) => m.modelId === 'eltwise')!.medianAbsErrPct;
    expect(elt(both)).toBeLessThan(1);
    expect(elt(flops)).toBeGreaterThan(30);
  });

  it('chooseFeatures picks the set that generated the data', () => {
    expect(chooseFeatures(synthetic(TRUTH, 0.02)).features).toBe('flops+bytes');
    const act: DeviceFit = { overheadMs: 0.05, gflopsEffective: 30, gbPerSecEffective: 8, features: 'flops+activations' };
    const r = chooseFeatures(synthetic(act, 0.02));
    expect(r.features).toBe('flops+activations');
    expect(Object.keys(r.reports)).toEqual(['flops', 'flops+activations', 'flops+bytes']);
    const flopsOnly: DeviceFit = { overheadMs: 0.05, gflopsEffective: 30, gbPerSecEffective: null, features: 'flops' };
    expect(chooseFeatures(synthetic(flopsOnly, 0)).features).toBe('flops');
  });
});
