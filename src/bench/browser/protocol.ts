import type { FlopSplit } from '../../domain/calibration/predict.ts';
/** Messages between the benchmark page and its worker. Plain data only: everything crosses postMessage. */

export type BackendId = 'ort-wasm' | 'ort-webgpu' | 'tfjs-wasm' | 'tfjs-webgl' | 'tfjs-webgpu' | 'tfjs-cpu';

/** Where a model comes from: a built-in suite entry (built inside the worker) or a user's .onnx file. */
export type JobModelSource = { kind: 'suite'; id: string } | { kind: 'tfjs'; id: string } | { kind: 'onnx'; bytes: ArrayBuffer; shapes?: Record<string, number[]> };

export interface JobModel {
  id: string;
  label: string;
  source: JobModelSource;
}

export interface BenchJob {
  id: number;
  backend: BackendId;
  /** Wasm threads (ORT) — ignored by backends without threads. */
  threads: number;
  models: JobModel[];
  batches: number[];
  /** Warm-up before the first timed run of each model (wasm tiers up for a second or two). */
  warmupMs: number;
  /** Warm-up before each further batch size of the same model. */
  batchWarmupMs: number;
  /** Time spent timing each (model, batch) point. */
  budgetMs: number;
  minSamples: number;
  maxSamples: number;
}

export type ToWorker = { type: 'run'; job: BenchJob } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; step: number; total: number; modelId: string; batch: number; phase: 'loading' | 'warm-up' | 'timing' }
  | { type: 'model'; id: number; modelId: string; info: ModelCostInfo }
  | { type: 'point'; id: number; modelId: string; batch: number; samples: number[] }
  | { type: 'skip'; id: number; modelId: string; batch?: number; reason: string }
  | { type: 'done'; id: number; cancelled: boolean }
  | { type: 'error'; id: number; message: string };

/** What a model costs per sample, sent once per model so the page can fit and predict. */
export interface ModelCostInfo {
  precision: 'fp32' | 'int8' | 'mixed';
  flopsPerSample: number;
  fixedFlops: number;
  paramsBytes: number;
  activationBytesPerSample: number;
  split?: FlopSplit;
  warnings?: string[];
}
