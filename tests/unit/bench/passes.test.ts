import { describe, expect, it } from 'vitest';
import { calibrationPlan, runCalibration, type CalibrationProgress } from '../../../src/bench/calibrate.ts';
import type { SweepPoint } from '../../../src/bench/measure.ts';
import { betterMeasurement, keepBestPass, MAX_REPEAT } from '../../../src/bench/passes.ts';
import type { BenchOptions, BenchRunner } from '../../../src/bench/runner.ts';
import { readProfile, profileToFileText } from '../../../src/domain/calibration/profile.ts';
import { isTooNoisy, summarize } from '../../../src/domain/calibration/stats.ts';

/** Ten clean samples: the fastest is `min`, the rest up to 5% above it. */
const clean = (min: number) => Array.from({ length: 10 }, (_, i) => min * (1 + i / 180));
/** Ten samples whose p90 is far above the p50 (a burst took the cores for part of the point). */
const noisy = (min: number, slow = 3) => [...Array.from({ length: 6 }, () => min), ...Array.from({ length: 4 }, () => min * slow)];
const point = (batch: number, samples: number[]): SweepPoint => ({ batch, samples, summary: summarize(samples), loop: 1 });

describe('betterMeasurement', () => {
  it('prefers a clean measurement, then the lower fastest run; noisy ones by the smaller spread', () => {
    const c10 = summarize(clean(10));
    const c9 = summarize(clean(9));
    const n8 = summarize(noisy(8));
    expect(isTooNoisy(n8).noisy).toBe(true);
    expect(betterMeasurement(c9, c10)).toBe(true);
    expect(betterMeasurement(c10, c9)).toBe(false);
    expect(betterMeasurement(c10, summarize(clean(10)))).toBe(false); // a tie keeps the earlier one
    // A lower fastest run does not beat a clean pass when its point would be thrown out as noisy.
    expect(betterMeasurement(n8, c10)).toBe(false);
    expect(betterMeasurement(c10, n8)).toBe(true);
    expect(betterMeasurement(summarize(noisy(20, 2)), n8)).toBe(true);
    // Too few samples is noisy too.
    expect(betterMeasurement(c10, summarize([5, 5]))).toBe(true);
  });
});

describe('keepBestPass', () => {
  it('keeps, per batch, the whole statistics of the pass with the fastest run', () => {
    const pass1 = [point(1, clean(1.0)), point(4, clean(3.3)), point(16, clean(12))];
    const pass2 = [point(1, clean(1.2)), point(4, clean(3.0)), point(16, clean(12.5))];
    const pass3 = [point(1, clean(0.9)), point(4, clean(3.1)), point(16, clean(11.5))];
    const kept = keepBestPass([pass1, pass2, pass3]);
    expect(kept.map((p) => p.batch)).toEqual([1, 4, 16]);
    expect(kept[0]).toBe(pass3[0]);
    expect(kept[1]).toBe(pass2[1]);
    expect(kept[2]).toBe(pass3[2]);
    expect(kept.map((p) => p.summary.minMs)).toEqual([0.9, 3.0, 11.5]);
    // Never a mix: n, p50 and min all come from the same pass.
    expect(kept[1]!.summary).toEqual(summarize(clean(3.0)));
  });

  it('skips a pass that a burst made noisy, even when its fastest run was lower', () => {
    const burst = point(4, noisy(2.5));
    const kept = keepBestPass([[point(1, clean(1)), burst], [point(1, clean(1.1)), point(4, clean(3))]]);
    expect(kept.map((p) => p.summary.minMs)).toEqual([1, 3]);
    expect(kept.every((p) => !isTooNoisy(p.summary).noisy)).toBe(true);
  });

  it('when every pass is noisy, keeps the steadiest; one pass, or a batch only one pass has, passes through', () => {
    const a = point(8, noisy(5, 4));
    const b = point(8, noisy(6, 2));
    expect(keepBestPass([[a], [b]])).toEqual([b]);
    const only = [point(1, clean(1)), point(2, noisy(2))];
    expect(keepBestPass([only])).toEqual(only);
    // A retry of one batch is just one more (short) pass; batches keep the order they first appeared in.
    const retry = point(2, clean(2.2));
    expect(keepBestPass([only, [retry]])).toEqual([only[0], retry]);
    expect(keepBestPass([])).toEqual([]);
  });
});

/** A runner that returns scripted timings: ms(call, batch) gives the samples of each point (or an error for the call). */
function fakeRunner(ms: (call: number, batch: number) => number[] | Error): BenchRunner & { calls: { batches: readonly number[]; opts: BenchOptions }[] } {
  const calls: { batches: readonly number[]; opts: BenchOptions }[] = [];
  return {
    calls,
    info: { runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', variant: 'fake', threads: 1, device: { cores: 2 } },
    async benchModel(_bytes, _feedsAt, batches, opts) {
      const call = calls.push({ batches, opts }) - 1;
      return batches.map((b) => {
        const s = ms(call, b);
        if (s instanceof Error) throw s;
        return point(b, s);
      });
    },
    async close() {},
  };
}

describe('runCalibration with --repeat', () => {
  const plan = (repeat: number, modelIds = ['mlp-s', 'cnn-s', 'matmul-s']) => ({ ...calibrationPlan({ runtime: 'node', modelIds, batches: [1, 4], repeat }), retryNoisy: true });

  it('validates repeat', () => {
    expect(calibrationPlan({ runtime: 'node' }).repeat).toBe(1);
    expect(calibrationPlan({ runtime: 'node', repeat: MAX_REPEAT }).repeat).toBe(MAX_REPEAT);
    for (const bad of [0, MAX_REPEAT + 1, 1.5]) expect(() => calibrationPlan({ runtime: 'node', repeat: bad })).toThrow(/repeat must be a whole number from 1 to 5/);
  });

  it('measures the whole suite once per pass, keeps the fastest pass per point and records repeat', async () => {
    // Calls 0–2 are pass 1 (mlp, cnn, matmul), 3–5 pass 2, 6–8 pass 3; the middle pass of cnn is the fastest.
    const runner = fakeRunner((call, b) => clean(b * (call === 4 ? 1 : 2 + call)));
    const progress: CalibrationProgress[] = [];
    const p = await runCalibration(runner, plan(3), { createdAt: new Date('2026-11-23T12:00:00Z'), onProgress: (x) => progress.push(x) });
    expect(runner.calls).toHaveLength(9);
    expect(progress.filter((x) => x.phase === 'build').map((x) => `${x.pass}/${x.passes} ${x.modelId}`)).toEqual([
      '1/3 mlp-s', '1/3 cnn-s', '1/3 matmul-s', '2/3 mlp-s', '2/3 cnn-s', '2/3 matmul-s', '3/3 mlp-s', '3/3 cnn-s', '3/3 matmul-s',
    ]);
    expect(p.settings?.repeat).toBe(3);
    expect(p.models.map((m) => m.modelId)).toEqual(['mlp-s', 'cnn-s', 'matmul-s']);
    // mlp-s: pass 1 (call 0) was its fastest; cnn-s: pass 2 (call 4); matmul-s: pass 1 (call 2).
    expect(p.models.map((m) => m.points.map((x) => x.stats.minMs))).toEqual([[2, 8], [1, 4], [4, 16]]);
    const read = readProfile(profileToFileText(p));
    expect(read.ok && read.value.settings?.repeat).toBe(3);
  });

  it('retries only points noisy in every pass, after the last pass; a model that fails keeps its earlier passes', async () => {
    // mlp-s batch 4 is noisy in both passes; cnn-s fails in pass 2; matmul-s always fails.
    const runner = fakeRunner((call, b) => {
      if (call === 2 || call === 4) return new Error('boom');
      if (call === 0 || call === 3) return b === 4 ? noisy(4) : clean(1);
      return clean(b);
    });
    const progress: CalibrationProgress[] = [];
    const p = await runCalibration(runner, plan(2), { onProgress: (x) => progress.push(x) });
    // pass 1: mlp, cnn, matmul (fails); pass 2: mlp, cnn (fails); then one retry of mlp-s at batch 4 only.
    expect(runner.calls.map((c) => c.batches)).toEqual([[1, 4], [1, 4], [1, 4], [1, 4], [1, 4], [4]]);
    expect(runner.calls[5]!.opts.warmupMs).toBe(plan(2).bench.batchWarmupMs);
    expect(progress.filter((x) => x.phase === 'retry')).toEqual([expect.objectContaining({ modelId: 'mlp-s', batch: 4, pass: 2, passes: 2 })]);
    expect(progress.filter((x) => x.phase === 'skip').map((x) => x.detail)).toEqual(['boom', 'boom (keeping its earlier passes)']);
    expect(p.models.map((m) => m.modelId)).toEqual(['mlp-s', 'cnn-s']);
    expect(p.models[0]!.points.map((x) => [x.batch, x.stats.minMs, x.discarded])).toEqual([[1, 1, undefined], [4, 4, undefined]]);
    expect(p.models[1]!.points.map((x) => x.stats.minMs)).toEqual([1, 4]);
  });

  it('says which models failed when none could be measured', async () => {
    const runner = fakeRunner(() => new Error('no EP'));
    await expect(runCalibration(runner, plan(2, ['mlp-s', 'cnn-s']))).rejects.toThrow(/no model could be measured:\nmlp-s: no EP\ncnn-s: no EP/);
    expect(runner.calls).toHaveLength(2);
  });
});
