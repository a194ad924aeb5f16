import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateDesign } from '../../../src/domain/capacity/index.ts';
import { profileForModel, profilePoints, profileToFileText, readProfile, type DeviceProfile } from '../../../src/domain/calibration/profile.ts';
import { predictLatency } from '../../../src/domain/calibration/predict.ts';

const FIXTURE = readFileSync(resolve(import.meta.dirname, '../../fixtures/device-profile.v1.json'), 'utf8');

function fixture(): DeviceProfile {
  const r = readProfile(FIXTURE);
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('device profile format', () => {
  it('the frozen v1 fixture reads and validates', () => {
    const r = readProfile(FIXTURE);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.migratedFrom).toBeUndefined();
    expect(r.value.models).toHaveLength(2);
    expect(r.value.deviceFit?.gflopsEffective).toBe(200);
    expect(r.value.heldOut?.shareWithin10).toBe(0.5);
  });

  it('round-trips through file text unchanged', () => {
    const p = fixture();
    const again = readProfile(profileToFileText(p));
    expect(again).toEqual({ ok: true, value: p });
    expect(profileToFileText(p)).toBe(`${JSON.stringify(JSON.parse(FIXTURE), null, 2)}\n`);
    // Objects work as well as text.
    expect(readProfile(JSON.parse(FIXTURE))).toEqual({ ok: true, value: p });
  });

  it('says why it refuses: not JSON, wrong format, too new, invalid with a path', () => {
    expect(readProfile('{nope')).toMatchObject({ ok: false, reason: 'not-json' });
    expect(readProfile({ format: 'mlsd-design', version: 1 })).toMatchObject({ ok: false, reason: 'wrong-format', path: 'format' });
    expect(readProfile([1, 2])).toMatchObject({ ok: false, reason: 'wrong-format' });
    const raw = JSON.parse(FIXTURE);
    expect(readProfile({ ...raw, version: 2 })).toMatchObject({ ok: false, reason: 'too-new', path: 'version' });
    const bad = structuredClone(raw);
    bad.models[0].points[1].stats.p50Ms = -1;
    expect(readProfile(bad)).toMatchObject({ ok: false, reason: 'invalid', path: 'models[0].points[1].stats.p50Ms' });
    const badDate = { ...raw, createdAt: 'yesterday' };
    expect(readProfile(badDate)).toMatchObject({ ok: false, reason: 'invalid', path: 'createdAt' });
    const badRuntime = { ...raw, runtime: 'cloud' };
    expect(readProfile(badRuntime)).toMatchObject({ ok: false, reason: 'invalid', path: 'runtime' });
  });

  it('profilePoints leaves out discarded points', () => {
    const pts = profilePoints(fixture());
    expect(pts.map((p) => `${p.modelId}@${p.batch}`)).toEqual(['mlp-s@1', 'mlp-s@8', 'eltwise-s@1']);
    expect(pts[1]!.ms).toBe(0.15);
  });
});

describe('profileForModel', () => {
  it('uses the measured line for a model the profile ran', () => {
    const p = fixture();
    const line = profileForModel(p, { modelId: 'mlp-s', flopsPerSample: 1, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 0 });
    expect(line).toEqual({ aMs: 0.047, bMs: 0.0129, label: 'onnxruntime-node cpu, 2 threads: MLP small (measured)', source: 'measured' });
  });

  it('predicts from the device fit for any other model (and for a measured model without a fit)', () => {
    const p = fixture();
    const cost = { flopsPerSample: 4e9, fixedFlops: 1e9, paramsBytes: 100e6, activationBytesPerSample: 50e6 };
    const line = profileForModel(p, { ...cost, label: 'my-resnet' })!;
    expect(line.source).toBe('predicted');
    expect(line.label).toBe('onnxruntime-node cpu, 2 threads: my-resnet (predicted)');
    // a = 0.04 + 1 GFLOP / 200 GFLOP/s + 0.1 GB / 10 GB/s = 0.04 + 5 + 10 ms; b = 20 + 5 ms.
    expect(line.aMs).toBeCloseTo(15.04, 9);
    expect(line.bMs).toBeCloseTo(25, 9);
    expect(line.aMs + 4 * line.bMs).toBeCloseTo(predictLatency(p.deviceFit!, cost, 4), 9);
    expect(profileForModel(p, { ...cost, modelId: 'eltwise-s' })!.source).toBe('predicted');
    expect(profileForModel({ ...p, deviceFit: undefined }, cost)).toBeNull();
  });

  it('feeds estimateDesign through a node\'s profileId', () => {
    const p = fixture();
    const line = profileForModel(p, { modelId: 'mlp-s', flopsPerSample: 0, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 0 })!;
    const design = {
      format: 'mlsd-design' as const, version: 1 as const, name: 'x', workload: { rps: 100 },
      nodes: [{ id: 'm', kind: 'model-server', params: { profileId: 'mine', maxBatch: 8 } }], edges: [],
    };
    const est = estimateDesign(design as never, { profiles: { mine: line } });
    const node = est.nodes.m!;
    expect(node.batch?.source).toBe('profile');
    expect(node.batch?.aMs).toBe(0.047);
    expect(node.batch?.bMs).toBe(0.0129);
  });
});
