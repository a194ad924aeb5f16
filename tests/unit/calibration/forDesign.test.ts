import { describe, expect, it } from 'vitest';
import { assembleProfile, type RunModel } from '../../../src/domain/calibration/assemble.ts';
import { capacityProfiles, catalogModelInfo, parseProfileRef, profileRef } from '../../../src/domain/calibration/forDesign.ts';
import { estimateDesign } from '../../../src/domain/capacity/index.ts';
import { exampleDesign } from '../../../src/domain/design/examples.ts';
import type { Design } from '../../../src/domain/design/schema.ts';

const run = (id: string, flops: number, ms: (b: number) => number): RunModel => ({
  modelId: id, label: id,
  info: { precision: 'fp32', flopsPerSample: flops, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 0 },
  points: [1, 4, 16].map((b) => ({ batch: b, samples: Array(20).fill(ms(b)) })),
});

// 50 GFLOP/s, 0.1 ms per call.
const profile = assembleProfile({
  id: 'dev', name: 'My laptop', createdAt: '2026-11-23T12:00:00.000Z', runtime: 'browser', backend: 'wasm', library: 'onnxruntime-web', device: {},
  models: [run('a', 1e7, (b) => 0.1 + (1e7 * b) / 5e7), run('b', 1e8, (b) => 0.1 + (1e8 * b) / 5e7), run('user:mine.onnx', 3e7, (b) => 2 + 0.5 * b)],
});

function withProfile(ref: string): Design {
  const d = exampleDesign();
  return { ...d, nodes: d.nodes.map((n) => (n.kind === 'model-server' ? { ...n, params: { ...n.params, profileId: ref } } : n)) };
}

describe('profiles for a design', () => {
  it('parses and builds references', () => {
    expect(parseProfileRef('dev')).toEqual({ profileId: 'dev' });
    expect(parseProfileRef('dev#user:mine.onnx')).toEqual({ profileId: 'dev', modelId: 'user:mine.onnx' });
    expect(profileRef('dev', 'user:x')).toBe('dev#user:x');
  });

  it('predicts a catalog model from the device fit: ResNet-50 at 8.2 GFLOP per image on a 50 GFLOP/s device', () => {
    const info = catalogModelInfo('resnet50')!;
    expect(info.flopsPerSample).toBeGreaterThan(7e9);
    const design = withProfile('dev');
    const profiles = capacityProfiles(design, [profile]);
    const key = Object.keys(profiles)[0]!;
    expect(key).toBe('dev|resnet50');
    // ≈ 164 ms per image; the fit also sees the user's model, which is off the device line, so allow 10%.
    expect(Math.abs(profiles[key]!.bMs / (info.flopsPerSample / 5e7) - 1)).toBeLessThan(0.1);
    expect(profiles[key]!.label).toMatch(/predicted/);
    const est = estimateDesign(design, { profiles });
    const server = Object.values(est.nodes).find((n) => n.batch)!;
    expect(server.batch!.source).toBe('profile');
    expect(server.batch!.profileLabel).toMatch(/My laptop/);
  });

  it('uses a measured model’s own line when the node names it', () => {
    const profiles = capacityProfiles(withProfile('dev#user:mine.onnx'), [profile]);
    expect(profiles['dev#user:mine.onnx']).toMatchObject({ aMs: expect.closeTo(2, 1), bMs: expect.closeTo(0.5, 1) });
    expect(profiles['dev#user:mine.onnx']!.label).toMatch(/measured/);
  });

  it('gives nothing for a profile that is not stored, so the estimate falls back with a warning', () => {
    const design = withProfile('gone');
    expect(capacityProfiles(design, [profile])).toEqual({});
    const est = estimateDesign(design, { profiles: {} });
    expect(est.warnings.join(' ')).toMatch(/profile "gone" not found/);
  });
});
