import { flopSplit } from '../domain/calibration/costSplit.ts';
import { buildProfile, type ProfileInput } from '../domain/calibration/buildProfile.ts';
import { bytesAt, flopsAt, type ModelCost } from '../domain/calibration/predict.ts';
import type { DeviceProfile } from '../domain/calibration/profile.ts';
import { isTooNoisy } from '../domain/calibration/stats.ts';
import type { SweepPoint } from './measure.ts';
import { keepBestPass, MAX_REPEAT } from './passes.ts';
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
  /** Measure a point that was noisy in every pass once more before giving up on it. */
  retryNoisy: boolean;
  /**
   * Passes over the whole suite (every model and batch, then again): a load burst of a few seconds then hits one
   * pass of a point, not all of them, and each point keeps its best pass (keepBestPass).
   */
  repeat: number;
}

export interface PlanOptions {
  runtime: 'node' | 'browser';
  quick?: boolean;
  modelIds?: string[];
  batches?: number[];
  budgetMs?: number;
  warmupMs?: number;
  /** Passes over the suite, 1 to MAX_REPEAT (default 1). */
  repeat?: number;
}

/**
 * The default set is every fp32 suite model of size s and m: seven families whose FLOPs and bytes vary
 * independently (GEMM-, conv-, attention-, lookup-, memory- and depthwise-bound), so the device fit can tell
 * compute from memory cost, and the three device probes (probe.ts), which pin its call, cache and weight costs. --quick keeps the s models at two batch sizes with short budgets: a smoke test that
 * still produces a valid profile, not a trustworthy one.
 */
export function calibrationPlan(o: PlanOptions): CalibrationPlan {
  const browser = o.runtime === 'browser';
  const specs = suiteSpecs();
  // The probes (size s) come with the default set; --quick leaves them out to stay short.
  const pick = o.quick ? (s: SuiteSpec) => s.precision === 'fp32' && s.size === 's' && s.family !== 'probe' : (s: SuiteSpec) => s.precision === 'fp32' && s.size !== 'l';
  const modelIds = o.modelIds ?? specs.filter(pick).map((s) => s.id);
  const unknown = modelIds.filter((id) => !specs.some((s) => s.id === id));
  if (unknown.length) throw new Error(`unknown suite model ${unknown.map((u) => `"${u}"`).join(', ')}; valid: ${specs.map((s) => s.id).join(', ')}`);
  const repeat = o.repeat ?? 1;
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT) throw new Error(`repeat must be a whole number from 1 to ${MAX_REPEAT}, got ${repeat}`);
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
    repeat,
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
  /** 1-based pass over the suite, of `passes` (the plan's repeat); retries come after the last pass. */
  pass: number;
  passes: number;
  batch?: number;
  phase: 'build' | 'prepare' | 'measure' | 'done' | 'retry' | 'skip';
  detail?: string;
}

/** What a profile records about a suite model, besides its points. */
function profileModelInfo(built: BuiltModel): Omit<ProfileInput['models'][number], 'points'> {
  return {
    modelId: built.spec.id, label: built.spec.label, precision: built.spec.precision, family: built.spec.family,
    flopsPerSample: built.flopsPerSample, fixedFlops: built.fixedFlops, paramsBytes: built.paramsBytes, activationBytesPerSample: built.activationBytesPerSample,
    split: flopSplit(built.model),
  };
}

/**
 * Run the plan on one runner and build the profile (fits, device model, leave-one-model-out check).
 *
 * The suite is measured `plan.repeat` times as separate passes (pass 1 over every model and batch, then pass 2, …),
 * and each point keeps the statistics of its best pass (keepBestPass). A model that fails is skipped in the later
 * passes too; what its earlier passes measured stays. After the last pass, a point that was noisy in every pass is
 * measured once more (plan.retryNoisy).
 */
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
  const passes = Math.max(1, plan.repeat);
  const bench: BenchOptions = { ...plan.bench, ...(opts.signal ? { signal: opts.signal } : {}) };
  /** Each model that measured (in plan order): what the profile records about it, its inputs, and every pass. */
  const measured = new Map<string, { info: Omit<ProfileInput['models'][number], 'points'>; inputs: BuiltModel['inputs']; passes: SweepPoint[][] }>();
  const failed = new Map<string, string>();
  const told = (modelId: string, modelIndex: number, pass: number) => (p: Omit<CalibrationProgress, 'modelId' | 'modelIndex' | 'models' | 'pass' | 'passes'>) =>
    opts.onProgress?.({ modelId, modelIndex, models: plan.modelIds.length, pass, passes, ...p });

  for (let pass = 1; pass <= passes; pass++) {
    for (const [modelIndex, modelId] of plan.modelIds.entries()) {
      if (failed.has(modelId)) continue;
      opts.signal?.throwIfAborted();
      const tell = told(modelId, modelIndex, pass);
      tell({ phase: 'build' });
      try {
        const built = buildSuiteModel(modelId);
        const points = await runner.benchModel(built.bytes, suiteFeeds(built), batchesFor(built, plan), bench, (p) => tell({ batch: p.batch, phase: p.phase }));
        const entry = measured.get(modelId) ?? { info: profileModelInfo(built), inputs: built.inputs, passes: [] };
        entry.passes.push(points);
        measured.set(modelId, entry);
      } catch (err) {
        if (opts.signal?.aborted) throw err;
        const reason = err instanceof Error ? err.message : String(err);
        failed.set(modelId, reason);
        tell({ phase: 'skip', detail: measured.has(modelId) ? `${reason} (keeping its earlier passes)` : reason });
      }
    }
  }

  if (plan.retryNoisy) {
    for (const [modelId, entry] of measured) {
      const noisy = keepBestPass(entry.passes).filter((p) => isTooNoisy(p.summary).noisy).map((p) => p.batch);
      if (noisy.length === 0 || failed.has(modelId)) continue;
      opts.signal?.throwIfAborted();
      const tell = told(modelId, plan.modelIds.indexOf(modelId), passes);
      for (const batch of noisy) tell({ batch, phase: 'retry' });
      try {
        const { bytes } = buildSuiteModel(modelId);
        entry.passes.push(await runner.benchModel(bytes, suiteFeeds(entry), noisy, { ...bench, warmupMs: plan.bench.batchWarmupMs }));
      } catch (err) {
        // The noisy measurement stays, marked with its reason.
        if (opts.signal?.aborted) throw err;
      }
    }
  }

  const models: ProfileInput['models'] = [...measured.values()].map((m) => ({ ...m.info, points: keepBestPass(m.passes).map((p) => ({ batch: p.batch, stats: p.summary })) }));
  if (models.length === 0) throw new Error(`no model could be measured:\n${[...failed].map(([id, reason]) => `${id}: ${reason}`).join('\n')}`);
  const { info } = runner;
  const createdAt = (opts.createdAt ?? new Date()).toISOString();
  return buildProfile({
    name: opts.name ?? `${info.variant}, ${info.threads} thread${info.threads === 1 ? '' : 's'}`,
    createdAt, runtime: info.runtime, backend: info.backend, library: info.library, variant: info.variant, threads: info.threads, device: info.device,
    settings: { warmupMs: plan.bench.warmupMs, budgetMs: plan.bench.budgetMs, minSamples: plan.bench.minSamples, maxSamples: plan.bench.maxSamples, repeat: passes },
    models,
  });
}
