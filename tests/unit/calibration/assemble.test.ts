import { describe, expect, it } from 'vitest';
import { assembleProfile, type RunModel } from '../../../src/domain/calibration/assemble.ts';
import { readProfile } from '../../../src/domain/calibration/profile.ts';

/** Samples around a true latency with small deterministic jitter. */
function samples(ms: number, n = 30): number[] {
  return Array.from({ length: n }, (_, i) => ms * (1 + 0.02 * Math.sin(i * 1.7)));
}

// A device that does 40 GFLOP/s with 0.05 ms per call: every model follows latency = 0.05 + flops/40e6 ms.
const device = (flopsPerSample: number, batch: number) => 0.05 + (flopsPerSample * batch) / 40e6;

function model(id: string, flopsPerSample: number, batches = [1, 4, 16]): RunModel {
  return {
    modelId: id, label: id,
    info: { precision: 'fp32', flopsPerSample, fixedFlops: 0, paramsBytes: 1e6, activationBytesPerSample: 0 },
    points: batches.map((b) => ({ batch: b, samples: samples(device(flopsPerSample, b)) })),
  };
}

const base = { id: 'p1', name: 'Test device', createdAt: '2026-11-23T12:00:00.000Z', runtime: 'browser' as const, backend: 'wasm', library: 'onnxruntime-web' as const, device: { cores: 2 } };

describe('assembleProfile', () => {
  it('fits a line per model, a device rate, and a held-out check that a clean device passes', () => {
    const p = assembleProfile({ ...base, models: [model('a', 2e6), model('b', 2e7), model('c', 5e7), model('d', 1e8)] });
    expect(readProfile(p).ok).toBe(true);
    const d = p.models.find((m) => m.modelId === 'd')!;
    expect(d.fit!.bMs).toBeCloseTo(1e8 / 40e6, 1);
    expect(d.fit!.aMs).toBeLessThan(0.2);
    expect(p.deviceFit!.gflopsEffective!).toBeGreaterThan(36);
    expect(p.deviceFit!.gflopsEffective!).toBeLessThan(44);
    expect(p.heldOut!.method).toBe('leave-one-model-out');
    expect(p.heldOut!.rows).toHaveLength(12);
    expect(p.heldOut!.medianAbsErrPct).toBeLessThan(5);
  });

  it('marks too-noisy points as discarded and leaves them out of the fits', () => {
    const noisy = model('n', 1e7);
    // Half the runs of the batch-16 point took 3× longer: p90 far above p50.
    noisy.points[2]!.samples = noisy.points[2]!.samples.map((v, i) => (i % 2 ? v * 3 : v));
    const p = assembleProfile({ ...base, models: [noisy, model('b', 2e7)] });
    const n = p.models.find((m) => m.modelId === 'n')!;
    expect(n.points[2]!.discarded).toMatch(/too noisy/);
    expect(n.fit!.n).toBe(2);
  });

  it('says why a model has no line, and skips the device fit with one model', () => {
    const p = assembleProfile({ ...base, models: [model('only', 1e7, [8])] });
    expect(p.models[0]!.fit).toBeUndefined();
    expect(p.models[0]!.fitError).toMatch(/two batch sizes/);
    expect(p.deviceFit).toBeUndefined();
    expect(p.heldOut).toBeUndefined();
  });
});

describe('numbers the lab shows per point', () => {
  it('throughput and achieved GFLOP/s come from the fit statistic of the largest usable batch', async () => {
    const { achievedGflops, pointThroughput } = await import('../../../src/domain/calibration/profile.ts');
    const p = assembleProfile({ ...base, models: [model('a', 2e6), model('b', 2e7)] });
    const b = p.models.find((m) => m.modelId === 'b')!;
    const last = b.points[2]!;
    expect(pointThroughput(p, last)).toBeCloseTo((16 / last.stats.minMs) * 1000, 6);
    expect(achievedGflops(p, b)).toBeCloseTo((2e7 * 16) / (last.stats.minMs * 1e6), 6);
    expect(achievedGflops(p, { ...b, points: b.points.map((x) => ({ ...x, discarded: 'noisy' })) })).toBeUndefined();
  });
});

describe('which profiles may stand in for hardware', () => {
  it('needs a held-out check and a real device, not a software GPU', async () => {
    const { offersDeviceFit } = await import('../../../src/domain/calibration/profile.ts');
    const good = assembleProfile({ ...base, models: [model('a', 2e6), model('b', 2e7)] });
    expect(offersDeviceFit(good)).toBe(true);
    expect(offersDeviceFit({ ...good, device: { gpu: { architecture: 'swiftshader', isFallback: true } } })).toBe(false);
    expect(offersDeviceFit(assembleProfile({ ...base, models: [model('only', 1e7)] }))).toBe(false);
  });
});
