import { describe, expect, it } from 'vitest';
import { backendStatuses, calibratable, type Capabilities } from '../../../src/bench/browser/capabilities.ts';
import { planJob, preset } from '../../../src/bench/plan/presets.ts';
import { suiteSpecs } from '../../../src/bench/suite/index.ts';
import { TF_SPECS, tfCost, tfSpec } from '../../../src/bench/tfjs/specs.ts';

const caps = (over: Partial<Capabilities> = {}): Capabilities => ({
  crossOriginIsolated: true, sharedArrayBuffer: true, wasmSimd: true, cores: 8, userAgent: 'test', platform: 'Linux',
  webgl2: { ok: true, renderer: 'ANGLE (NVIDIA)' }, webgpu: { ok: true, vendor: 'nvidia', architecture: 'ampere', isFallback: false }, ...over,
});

describe('backend availability', () => {
  it('offers every backend on a capable browser', () => {
    const s = backendStatuses(caps());
    expect(s.filter((b) => b.available).map((b) => b.id)).toEqual(['ort-wasm', 'ort-webgpu', 'tfjs-wasm', 'tfjs-webgl', 'tfjs-webgpu', 'tfjs-cpu']);
    expect(calibratable(s.find((b) => b.id === 'ort-webgpu'))).toBe(true);
  });

  it('says why WebGPU and SIMD wasm are missing, and warns about single-threaded wasm', () => {
    const s = backendStatuses(caps({ crossOriginIsolated: false, webgpu: { ok: false, reason: 'no adapter' }, webgl2: { ok: false } }));
    expect(s.find((b) => b.id === 'ort-webgpu')).toEqual({ id: 'ort-webgpu', available: false, reason: 'no adapter' });
    expect(s.find((b) => b.id === 'tfjs-webgl')!.reason).toMatch(/WebGL 2 is not available/);
    expect(s.find((b) => b.id === 'ort-wasm')!.warning).toMatch(/one thread/);
    const noSimd = backendStatuses(caps({ wasmSimd: false }));
    expect(noSimd.find((b) => b.id === 'ort-wasm')).toMatchObject({ available: false, reason: expect.stringMatching(/SIMD/) });
  });

  it('runs a software GPU but keeps it out of calibration', () => {
    const s = backendStatuses(caps({ webgpu: { ok: true, vendor: 'google', architecture: 'swiftshader', isFallback: true }, webgl2: { ok: true, renderer: 'ANGLE (SwiftShader Device)' } }));
    const gpu = s.find((b) => b.id === 'ort-webgpu');
    expect(gpu!.available).toBe(true);
    expect(calibratable(gpu)).toBe(false);
    expect(calibratable(s.find((b) => b.id === 'tfjs-webgl'))).toBe(false);
    expect(calibratable(s.find((b) => b.id === 'ort-wasm'))).toBe(true);
  });
});

describe('benchmark plans', () => {
  it('the smoke plan runs three small fp32 ONNX models at two batch sizes', () => {
    const job = planJob(1, 'ort-wasm', preset('smoke'), suiteSpecs(), 2);
    expect(job.models.map((m) => m.id).sort()).toEqual(['cnn-s', 'mlp-s', 'transformer-s']);
    expect(job.batches).toEqual([1, 4]);
    expect(job.threads).toBe(2);
  });

  it('the full plan covers every suite model, int8 included; GPU backends stop at batch 16', () => {
    const full = planJob(2, 'ort-wasm', preset('full'), suiteSpecs(), 4);
    expect(full.models).toHaveLength(suiteSpecs().length);
    expect(full.models.some((m) => m.id.endsWith('-int8'))).toBe(true);
    expect(planJob(3, 'ort-webgpu', preset('full'), suiteSpecs(), 1).batches).toEqual([1, 2, 4, 8, 16]);
  });

  it('tfjs backends run the tfjs model set', () => {
    const job = planJob(4, 'tfjs-wasm', preset('quick'), suiteSpecs(), 1);
    expect(job.models.map((m) => m.source.kind)).toEqual(TF_SPECS.map(() => 'tfjs'));
  });
});

describe('tfjs model costs', () => {
  it('MLP 784→1024→1024→10: matmuls, biases, ReLUs and a softmax, exactly', () => {
    const c = tfCost(tfSpec('tfjs-mlp-m')!);
    const layer = (i: number, o: number) => 2 * i * o + o;
    expect(c.flopsPerSample).toBe(layer(784, 1024) + 1024 + layer(1024, 1024) + 1024 + layer(1024, 10) + 3 * 10);
    expect(c.paramsBytes).toBe(4 * (784 * 1024 + 1024 + 1024 * 1024 + 1024 + 1024 * 10 + 10));
  });

  it('CNN 32×32×3: same-padded 3×3 convs with bias and ReLU, 2×2 pools', () => {
    const c = tfCost(tfSpec('tfjs-cnn-s')!);
    const conv = (h: number, cin: number, cout: number) => 2 * h * h * cout * cin * 9 + 2 * h * h * cout;
    const pool = (h: number, ch: number) => (h / 2) * (h / 2) * ch * 4;
    const expected = conv(32, 3, 32) + pool(32, 32) + conv(16, 32, 64) + pool(16, 64) + conv(8, 64, 128) + pool(8, 128) + (2 * 2048 * 10 + 10) + 30;
    expect(c.flopsPerSample).toBe(expected);
  });

  it('an embedding lookup costs no FLOPs but its table counts as weights', () => {
    const c = tfCost(tfSpec('tfjs-rec-s')!);
    expect(c.flopsPerSample).toBe(2 * 512 * 256 + 256 + 256 + 2 * 256 * 64 + 64);
    expect(c.paramsBytes).toBe(4 * (10_000 * 64 + 512 * 256 + 256 + 256 * 64 + 64));
  });
});
