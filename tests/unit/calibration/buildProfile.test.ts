import { describe, expect, it } from 'vitest';
import { buildProfile, type ProfileInput } from '../../../src/domain/calibration/buildProfile.ts';
import { predictLatency, type DeviceFit } from '../../../src/domain/calibration/predict.ts';
import { profileToFileText, readProfile } from '../../../src/domain/calibration/profile.ts';
import { summarize } from '../../../src/domain/calibration/stats.ts';

const TRUTH: DeviceFit = { overheadMs: 0.04, gflopsEffective: 50, gbPerSecEffective: 10, features: 'flops+activations' };
const COSTS = {
  a: { flopsPerSample: 10e6, fixedFlops: 0, paramsBytes: 1e6, activationBytesPerSample: 0.1e6 },
  b: { flopsPerSample: 2e6, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 4e6 },
  c: { flopsPerSample: 40e6, fixedFlops: 1e6, paramsBytes: 3e6, activationBytesPerSample: 1e6 },
};

/** Ten samples from the model's true latency up to 2% above it (the fastest run is the truth, as fits use it). */
const stats = (ms: number) => summarize(Array.from({ length: 10 }, (_, i) => ms * (1 + i / 450)));

function input(): ProfileInput {
  return {
    name: 'test device', createdAt: '2026-11-23T12:00:00.000Z', runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', threads: 1, device: { cores: 2 },
    models: Object.entries(COSTS).map(([modelId, c]) => ({
      modelId, label: modelId.toUpperCase(), precision: 'fp32' as const, ...c,
      points: [1, 4, 16].map((batch) => ({ batch, stats: stats(predictLatency(TRUTH, c, batch)) })),
    })),
  };
}

describe('buildProfile', () => {
  it('fits every model, the device, and the leave-one-model-out check, into a valid profile', () => {
    const p = buildProfile(input());
    expect(p.id).toBe('node-cpu-t1-2026-11-23T12-00-00.000Z');
    expect(p.models.every((m) => m.fit && m.fit.r2 > 0.999)).toBe(true);
    expect(p.deviceFit?.features).toBe('flops+activations');
    expect(p.deviceFit!.gflopsEffective! / 50).toBeCloseTo(1, 2);
    expect(p.heldOut?.method).toBe('leave-one-model-out');
    expect(p.heldOut!.rows).toHaveLength(9);
    expect(p.heldOut!.medianAbsErrPct).toBeLessThan(1);
    const again = readProfile(profileToFileText(p));
    expect(again).toEqual({ ok: true, value: p });
  });

  it('fits the device probes every time and holds out only the models', () => {
    const i = input();
    i.models[2] = { ...i.models[2]!, family: 'probe' };
    const p = buildProfile(i);
    expect(p.heldOut!.alwaysFitted).toEqual(['c']);
    expect(new Set(p.heldOut!.rows.map((r) => r.modelId))).toEqual(new Set(['a', 'b']));
    expect(readProfile(profileToFileText(p))).toEqual({ ok: true, value: p });
  });

  it('keeps a noisy point with its reason but leaves it out of the fits', () => {
    const inp = input();
    const noisy = summarize([1, 1, 1, 1, 1, 1, 5, 5, 5, 5]);
    inp.models[0]!.points[2] = { batch: 16, stats: noisy };
    const p = buildProfile(inp);
    expect(p.models[0]!.points[2]!.discarded).toMatch(/too noisy/);
    expect(p.models[0]!.fit!.n).toBe(2);
    expect(p.heldOut!.rows.filter((r) => r.modelId === 'a')).toHaveLength(2);
  });

  it('gives a fitError instead of a fit when a model has one usable batch size, and no check with one model', () => {
    const inp = input();
    inp.models = [{ ...inp.models[0]!, points: [inp.models[0]!.points[0]!] }];
    const p = buildProfile(inp);
    expect(p.models[0]!.fit).toBeUndefined();
    expect(p.models[0]!.fitError).toMatch(/two batch sizes/);
    expect(p.deviceFit).toBeUndefined();
    expect(p.heldOut).toBeUndefined();
    expect(readProfile(p).ok).toBe(true);
  });
});
