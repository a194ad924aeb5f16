import { flopSplit } from '../domain/calibration/costSplit.ts';
import { buildProfile, type ProfileInput } from '../domain/calibration/buildProfile.ts';
import { bytesAt, flopsAt, type ModelCost } from '../domain/calibration/predict.ts';
import type { DeviceProfile } from '../domain/calibration/profile.ts';
import { isTooNoisy, spreadOf } from '../domain/calibration/stats.ts';
import type { SweepPoint } from './measure.ts';
import type { BenchOptions, BenchRunner, FeedSpec } from './runner.ts';
import { buildSuiteModel, suiteSpecs, type BuiltModel, type SuiteSpec } from './suite/index.ts';

/** Inputs of a suite model at one batch size. */
export function suiteFeeds(built: Pick<BuiltModel, 'inputs'>): (batch: number) => FeedSpec[] {
  return (batch) =>
    built.inputs.map((i) => ({ name: i.name, dtype: i.dtype, shape: i.shape.map((d) => (d === 'batch' ? batch : d)), ...(i.maxValue !== undefined ? { maxValue: i.maxValue } : {}) }));
}

export interface CalibrationPlan {
  modelIds: string[];
  /** Candidate batch sizes; each model keeps those under the caps below (and always at least two). */
  batches: number[];
  /** Largest FLOPs and activation bytes of one batch: keeps one run of a big model under ~100–300 ms. */
  maxBatchFlops: number;
  maxBatchBytes: number;
  bench: Required<Pick<BenchOptions, 'warmupMs' | 'budgetMs' | 'minSamples' | 'maxSamples' | 'batchWarmupMs'>>;
  /** Measure a noisy point once more before giving up on it. */
  retryNoisy: boolean;
}

export interface PlanOptions {
  runtime: 'node' | 'browser';
  quick?: boolean;
  modelIds?: string[];
  batches?: number[];
  budgetMs?: number;
  warmupMs?: number;
}

/**
 * The default set is every fp32 suite model of size s and m: seven families whose FLOPs and bytes vary
 * independently (GEMM-, conv-, attention-, lookup-, memory- and depthwise-bound), so the device fit can tell
 * compute from memory cost. --quick keeps the s models at two batch sizes with short budgets: a smoke test that
 * still produces a valid profile, not a trustworthy one.
 */
export function calibrationPlan(o: PlanOptions): CalibrationPlan {
  const browser = o.runtime === 'browser';
  const specs = suiteSpecs();
  const pick = o.quick ? (s: SuiteSpec) => s.precision === 'fp32' && s.size === 's' : (s: SuiteSpec) => s.precision === 'fp32' && s.size !== 'l';
  const modelIds = o.modelIds ?? specs.filter(pick).map((s) => s.id);
  const unknown = modelIds.filter((id) => !specs.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown suite model ${unknown.map((u) => `"${u}"`).join(', ')}; valid: ${specs.map((s) => s.id).join(', ')}`);
  // Warm-up: wasm tiers up for 1–2 s in the browser (bench-feasibility §6); native code needs far less.
  const bench = o.quick
    ? { warmupMs: browser ? 400 : 150, batchWarmupMs: 50, budgetMs: 150, minSamples: 5, maxSamples: 1000 }
    : { warmupMs: browser ? 1500 : 500, batchWarmupMs: browser ? 300 : 200, budgetMs: browser ? 1000 : 800, minSamples: 10, maxSamples: 2000 };
  if (o.budgetMs !== undefined) bench.budgetMs = o.budgetMs;
  if (o.warmupMs !== undefined) bench.warmupMs = o.warmupMs;
  return {
    modelIds,
    batches: o.batches ?? (o.quick ? [1, 8] : [1, 4, 16, 64]),
    maxBatchFlops: browser ? 1.5e9 : 4e9,
    maxBatchBytes: 1.5e9,
    bench,
    retryNoisy: !o.quick,
  };
}

/** The plan's batch sizes that fit under the caps; the two smallest always stay, so every model gets a line. */
export function batchesFor(cost: ModelCost, plan: Pick<CalibrationPlan, 'batches' | 'maxBatchFlops' | 'maxBatchBytes'>): number[] {
  const sorted = [...new Set(plan.batches)].sort((a, b) => a - b);
  return sorted.filter((b, i) => i < 2 || (flopsAt(cost, b) <= plan.maxBatchFlops && bytesAt(cost, b) <= plan.maxBatchBytes));
}

export interface CalibrationProgress {
  modelId: string;
  modelIndex: number;
  models: number;
  batch?: number;
  phase: 'build' | 'prepare' | 'measure' | 'done' | 'retry' | 'skip';
  detail?: string;
}

/** Run the plan on one runner and build the profile (fits, device model, leave-one-model-out check). */
export async function runCalibration(
  runner: BenchRunner,
  plan: CalibrationPlan,
  opts: { name?: string; createdAt?: Date; signal?: AbortSignal; onProgress?: (p: CalibrationProgress) => void } = {},
): Promise<DeviceProfile> {
  const gpu = runner.info.device.gpu;
  if (gpu?.isFallback) {
    // SwiftShader runs "WebGPU" on the CPU 50–5000× slower than wasm (bench-feasibility §3): never calibration data.
    throw new Error(`the WebGPU adapter is a software fallback (${gpu.architecture || gpu.description || 'unknown'}), not a GPU; its timings would mislead every prediction`);
  }
  const models: ProfileInput['models'] = [];
  const skipped: string[] = [];
  for (const [modelIndex, modelId] of plan.modelIds.entries()) {
    opts.signal?.throwIfAborted();
    const tell = (p: Omit<CalibrationProgress, 'modelId' | 'modelIndex' | 'models'>) => opts.onProgress?.({ modelId, modelIndex, models: plan.modelIds.length, ...p });
    tell({ phase: 'build' });
    const built = buildSuiteModel(modelId);
    const feedsAt = suiteFeeds(built);
    const batches = batchesFor(built, plan);
    const bench: BenchOptions = { ...plan.bench, ...(opts.signal ? { signal: opts.signal } : {}) };
    let points: SweepPoint[];
    try {
      points = await runner.benchModel(built.bytes, feedsAt, batches, bench, (p) => tell({ batch: p.batch, phase: p.phase }));
      if (plan.retryNoisy) {
        for (const [i, p] of points.entries()) {
          if (!isTooNoisy(p.summary).noisy) continue;
          tell({ batch: p.batch, phase: 'retry' });
          const again = (await runner.benchModel(built.bytes, feedsAt, [p.batch], { ...bench, warmupMs: plan.bench.batchWarmupMs }))[0];
          if (again && spreadOf(again.summary) < spreadOf(p.summary)) points[i] = again;
        }
      }
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      skipped.push(`${modelId}: ${reason}`);
      tell({ phase: 'skip', detail: reason });
      continue;
    }
    models.push({
      modelId, label: built.spec.label, precision: built.spec.precision, family: built.spec.family,
      flopsPerSample: built.flopsPerSample, fixedFlops: built.fixedFlops, paramsBytes: built.paramsBytes, activationBytesPerSample: built.activationBytesPerSample,
      split: flopSplit(built.model),
      points: points.map((p) => ({ batch: p.batch, stats: p.summary })),
    });
  }
  if (models.length === 0) throw new Error(`no model could be measured:\n${skipped.join('\n')}`);
  const { info } = runner;
  const createdAt = (opts.createdAt ?? new Date()).toISOString();
  return buildProfile({
    name: opts.name ?? `${info.variant}, ${info.threads} thread${info.threads === 1 ? '' : 's'}`,
    createdAt, runtime: info.runtime, backend: info.backend, library: info.library, variant: info.variant, threads: info.threads, device: info.device,
    settings: { warmupMs: plan.bench.warmupMs, budgetMs: plan.bench.budgetMs, minSamples: plan.bench.minSamples, maxSamples: plan.bench.maxSamples },
    models,
  });
}
