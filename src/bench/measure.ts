import { summarize, type SampleSummary } from '../domain/calibration/stats.ts';

/**
 * The timing loop shared by every runtime (Node, the browser page, the app's worker). No Node or DOM APIs:
 * the clock comes in as `now`, so tests drive it with a fake clock and the page passes performance.now.
 */
export interface MeasureOptions {
  /** Time-based warm-up before any sample is kept. At least one run always happens (it pays lazy init). */
  warmupMs?: number;
  /** Time spent taking samples, after the warm-up. */
  budgetMs?: number;
  /** Samples kept even if the budget runs out first. */
  minSamples?: number;
  /** Stop early once this many samples are kept. */
  maxSamples?: number;
  /** A sample should last at least this long; quicker runs are timed in loops of k (see below). */
  minSampleMs?: number;
  /** Upper bound on k, so a broken clock cannot make one sample run forever. */
  maxLoop?: number;
  now: () => number;
  signal?: AbortSignal;
  onSample?: (ms: number, index: number) => void;
}

/**
 * Defaults. The warm-up is ≥1.5 s because wasm tiers up for a second or two in the browser; with a 5-run warm-up
 * the run-to-run spread was 2–7× (bench-feasibility §6). Tests pass shorter values.
 */
export const MEASURE_DEFAULTS = { warmupMs: 1500, budgetMs: 2000, minSamples: 10, maxSamples: 1000, minSampleMs: 1, maxLoop: 1000 } as const;

export interface MeasureResult {
  /** Milliseconds per run, one value per sample. */
  samples: number[];
  /** Runs per sample: each sample is the time of k back-to-back runs divided by k. */
  loop: number;
  warmupRuns: number;
}

/**
 * Warm up, pick k, then take samples until the budget is spent (and minSamples are in) or maxSamples are taken.
 *
 * Loop of k: a run shorter than minSampleMs is hard to time (the browser's isolated-page clock ticks in 5 µs, and
 * the cost of reading the clock is not negligible next to a 20 µs run), so each sample times k consecutive runs and
 * divides. k = ceil(minSampleMs / median warm-up run), clamped to [1, maxLoop]. This averages within a sample, which
 * narrows the spread of tiny runs; the p50 is unaffected.
 *
 * Self-contained on purpose (no references outside the function body): the browser bench injects its source text
 * into the page.
 */
export async function measureRun(runOnce: () => Promise<void> | void, opts: MeasureOptions): Promise<MeasureResult> {
  const warmupMs = opts.warmupMs ?? 1500;
  const budgetMs = opts.budgetMs ?? 2000;
  const minSamples = Math.max(1, opts.minSamples ?? 10);
  const maxSamples = Math.max(minSamples, opts.maxSamples ?? 1000);
  const minSampleMs = opts.minSampleMs ?? 1;
  const maxLoop = Math.max(1, opts.maxLoop ?? 1000);
  const { now, signal } = opts;
  const check = () => {
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
  };
  // Awaiting only real promises keeps a synchronous runOnce free of a microtask per run.
  const once = async () => {
    const r = runOnce();
    if (r) await r;
  };

  const warmTimes: number[] = [];
  const warmStart = now();
  do {
    check();
    const t0 = now();
    await once();
    warmTimes.push(now() - t0);
  } while (now() - warmStart < warmupMs);

  const recent = warmTimes.slice(-21).sort((a, b) => a - b);
  const perRun = recent[recent.length >> 1]!;
  const loop = perRun > 0 ? Math.min(maxLoop, Math.max(1, Math.ceil(minSampleMs / perRun))) : maxLoop;

  const samples: number[] = [];
  const start = now();
  while (samples.length < maxSamples && (samples.length < minSamples || now() - start < budgetMs)) {
    check();
    const t0 = now();
    for (let i = 0; i < loop; i++) await once();
    const ms = (now() - t0) / loop;
    samples.push(ms);
    opts.onSample?.(ms, samples.length - 1);
  }
  return { samples, loop, warmupRuns: warmTimes.length };
}

/** The samples only (ms per run). */
export async function measure(runOnce: () => Promise<void> | void, opts: MeasureOptions): Promise<number[]> {
  return (await measureRun(runOnce, opts)).samples;
}

export interface SweepPoint {
  batch: number;
  samples: number[];
  summary: SampleSummary;
  loop: number;
}

export interface SweepProgress {
  batch: number;
  index: number;
  total: number;
  phase: 'prepare' | 'measure' | 'done';
}

/**
 * One measurement per batch size. makeRunner prepares a batch (feeds, session state) outside the timed region;
 * `batchWarmupMs`, when given, replaces warmupMs after the first batch (the model is already warm, the new shape
 * only needs its buffers allocated).
 */
export async function sweep(
  batches: readonly number[],
  makeRunner: (batch: number) => Promise<() => Promise<void> | void>,
  opts: MeasureOptions & { batchWarmupMs?: number },
  onProgress?: (p: SweepProgress) => void,
): Promise<SweepPoint[]> {
  const out: SweepPoint[] = [];
  for (const [index, batch] of batches.entries()) {
    const total = batches.length;
    onProgress?.({ batch, index, total, phase: 'prepare' });
    const run = await makeRunner(batch);
    onProgress?.({ batch, index, total, phase: 'measure' });
    const warmupMs = index > 0 && opts.batchWarmupMs !== undefined ? opts.batchWarmupMs : opts.warmupMs;
    const r = await measureRun(run, { ...opts, ...(warmupMs !== undefined ? { warmupMs } : {}) });
    out.push({ batch, samples: r.samples, summary: summarize(r.samples), loop: r.loop });
    onProgress?.({ batch, index, total, phase: 'done' });
  }
  return out;
}
