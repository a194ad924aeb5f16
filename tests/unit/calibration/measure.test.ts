import { describe, expect, it } from 'vitest';
import { measure, measureRun, sweep } from '../../../src/bench/measure.ts';

/** A fake clock: each run advances it by the duration the test chooses. */
function fakeClock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('measure (fake clock)', () => {
  it('warms up for warmupMs, then samples until the budget is spent', async () => {
    const c = fakeClock();
    let runs = 0;
    const r = await measureRun(() => { runs++; c.advance(10); }, { now: c.now, warmupMs: 100, budgetMs: 200, minSamples: 3, maxSamples: 1000 });
    expect(r.warmupRuns).toBe(10); // 10 runs × 10 ms reach 100 ms
    expect(r.loop).toBe(1);
    expect(r.samples).toHaveLength(20); // 200 ms of 10 ms runs
    expect(r.samples.every((s) => s === 10)).toBe(true);
    expect(runs).toBe(30);
  });

  it('always does one warm-up run, and keeps minSamples even past the budget', async () => {
    const c = fakeClock();
    const r = await measureRun(() => c.advance(50), { now: c.now, warmupMs: 0, budgetMs: 10, minSamples: 5, maxSamples: 100 });
    expect(r.warmupRuns).toBe(1);
    expect(r.samples).toHaveLength(5);
  });

  it('stops at maxSamples before the budget', async () => {
    const c = fakeClock();
    const samples = await measure(() => c.advance(1), { now: c.now, warmupMs: 5, budgetMs: 10_000, minSamples: 2, maxSamples: 7 });
    expect(samples).toHaveLength(7);
  });

  it('times sub-millisecond runs in loops of k and divides', async () => {
    const c = fakeClock();
    let runs = 0;
    const r = await measureRun(() => { runs++; c.advance(1 / 64); }, { now: c.now, warmupMs: 1, budgetMs: 10, minSamples: 1, maxSamples: 1000 });
    expect(r.loop).toBe(64); // ceil(1 ms / (1/64) ms); 1/64 is exact in binary, so the fake clock does not drift
    expect(r.samples).toHaveLength(10); // each sample lasts 1 ms
    for (const s of r.samples) expect(s).toBe(1 / 64);
    expect(runs).toBe(r.warmupRuns + 10 * 64);
  });

  it('caps k at maxLoop, also when the clock does not move', async () => {
    const c = fakeClock();
    let runs = 0;
    const r = await measureRun(() => { runs++; if (runs % 10 === 0) c.advance(1); }, { now: c.now, warmupMs: 0, budgetMs: 0, minSamples: 2, maxSamples: 2, maxLoop: 40 });
    expect(r.loop).toBe(40);
    expect(r.samples).toHaveLength(2);
  });

  it('awaits asynchronous runs and reports each sample', async () => {
    const c = fakeClock();
    const seen: number[] = [];
    const samples = await measure(async () => { await Promise.resolve(); c.advance(3); }, { now: c.now, warmupMs: 3, budgetMs: 9, minSamples: 1, maxSamples: 100, onSample: (ms, i) => seen.push(i * 100 + ms) });
    expect(samples).toEqual([3, 3, 3]);
    expect(seen).toEqual([3, 103, 203]);
  });

  it('honours abort: before it starts and in the middle', async () => {
    const c = fakeClock();
    const pre = new AbortController();
    pre.abort(new Error('stop now'));
    await expect(measure(() => c.advance(1), { now: c.now, signal: pre.signal })).rejects.toThrow('stop now');
    const mid = new AbortController();
    let runs = 0;
    const p = measure(() => { runs++; c.advance(1); if (runs === 25) mid.abort(new Error('cancelled')); }, { now: c.now, warmupMs: 10, budgetMs: 1000, minSamples: 1, maxSamples: 1000, signal: mid.signal });
    await expect(p).rejects.toThrow('cancelled');
    expect(runs).toBe(25);
  });
});

describe('sweep', () => {
  it('measures every batch, uses batchWarmupMs after the first, and summarizes', async () => {
    const c = fakeClock();
    const warmups: number[] = [];
    const progress: string[] = [];
    let current = 0;
    let runsThisBatch = 0;
    const out = await sweep(
      [1, 4],
      async (batch) => {
        if (current) warmups.push(runsThisBatch);
        current = batch;
        runsThisBatch = 0;
        return () => { runsThisBatch++; c.advance(2 + batch); };
      },
      { now: c.now, warmupMs: 30, batchWarmupMs: 6, budgetMs: 60, minSamples: 1, maxSamples: 1000 },
      (p) => progress.push(`${p.batch}:${p.phase}`),
    );
    expect(out.map((p) => p.batch)).toEqual([1, 4]);
    expect(out[0]!.summary.p50Ms).toBe(3);
    expect(out[1]!.summary.p50Ms).toBe(6);
    expect(out[1]!.samples).toHaveLength(10);
    expect(runsThisBatch).toBe(1 + 10); // one 6 ms run covers the 6 ms batch warm-up, then 60 ms of samples
    expect(warmups).toEqual([10 + 20]);
    expect(progress).toEqual(['1:prepare', '1:measure', '1:done', '4:prepare', '4:measure', '4:done']);
  });
});
