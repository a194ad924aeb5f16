import { create } from 'zustand';
import { storageErrorMessage } from '../storage/errors.ts';
import { assembleProfile, type RunModel } from '../domain/calibration/assemble.ts';
import type { DeviceProfile } from '../domain/calibration/profile.ts';
import { backendDef } from '../bench/browser/backends.ts';
import { backendStatuses, calibratable, type BackendStatus, type Capabilities } from '../bench/browser/capabilities.ts';
import { detectCapabilities } from '../bench/browser/detect.ts';
import type { BackendId, BenchJob, FromWorker, JobModel, ModelCostInfo, ToWorker } from '../bench/browser/protocol.ts';
import { planJob, preset, type PresetId } from '../bench/plan/presets.ts';
import { suiteSpecs } from '../bench/suite/index.ts';
import { profilesRepo } from './services.ts';
import { notify } from './workspaceStore.ts';
import { newId } from '../storage/ids.ts';

export type RunStatus =
  | { status: 'idle' }
  | { status: 'running'; jobId: number; step: number; total: number; modelLabel: string; batch: number; phase: string; startedAt: number }
  | { status: 'finished'; cancelled: boolean; profileId?: string; message?: string }
  | { status: 'error'; message: string };

export interface LivePoint {
  modelId: string;
  batch: number;
  samples: number[];
}

interface BenchState {
  caps: Capabilities | null;
  statuses: BackendStatus[];
  run: RunStatus;
  /** The job being run (or last run), with what the worker has sent so far. */
  job: BenchJob | null;
  models: Record<string, ModelCostInfo>;
  points: LivePoint[];
  skips: { modelId: string; batch?: number; reason: string }[];
  /** Profile shown in the results panel. */
  selectedProfileId: string | null;
}

export const useBench = create<BenchState>(() => ({ caps: null, statuses: [], run: { status: 'idle' }, job: null, models: {}, points: [], skips: [], selectedProfileId: null }));

let worker: Worker | null = null;
let workerBackend: BackendId | null = null;
let seq = 0;

export async function probeCapabilities(): Promise<void> {
  if (useBench.getState().caps) return;
  const caps = await detectCapabilities();
  useBench.setState({ caps, statuses: backendStatuses(caps) });
}

/** ORT's bundles cannot be swapped inside one worker, and tfjs keeps GPU contexts: a backend change gets a fresh worker. */
function workerFor(backend: BackendId): Worker {
  if (worker && workerBackend === backend) return worker;
  worker?.terminate();
  worker = new Worker(new URL('../bench/browser/worker.ts', import.meta.url), { type: 'module', name: 'benchmarks' });
  workerBackend = backend;
  worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
  worker.onerror = (e) => {
    useBench.setState({ run: { status: 'error', message: e.message || 'The benchmark worker failed to start.' } });
  };
  return worker;
}

/**
 * Half the cores, at most 4: the page, the worker and the browser need a core too, and on a 2-core machine two
 * ORT threads made the timings erratic (batch 4 faster than batch 1). The user can raise it.
 */
export function defaultThreads(caps: Capabilities | null): number {
  if (!caps?.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, Math.floor(caps.cores / 2)));
}

export function startPreset(backend: BackendId, presetId: PresetId, threads: number): void {
  const job = planJob(++seq, backend, preset(presetId), suiteSpecs(), threads);
  start(job);
}

/** Benchmark a user's .onnx file on one backend. */
export function startUserModel(backend: BackendId, model: JobModel, batches: number[], threads: number): void {
  const p = preset('quick');
  start({ id: ++seq, backend, threads, models: [model], batches, warmupMs: p.warmupMs, batchWarmupMs: p.batchWarmupMs, budgetMs: p.budgetMs, minSamples: 5, maxSamples: 2000 });
}

function start(job: BenchJob): void {
  cancelRun();
  useBench.setState({ job, models: {}, points: [], skips: [], run: { status: 'running', jobId: job.id, step: 0, total: job.models.length * job.batches.length, modelLabel: job.models[0]?.label ?? '', batch: job.batches[0] ?? 1, phase: 'loading', startedAt: Date.now() } });
  // The user's file buffer is copied, not transferred, so a second run can reuse it.
  workerFor(job.backend).postMessage({ type: 'run', job } satisfies ToWorker);
}

export function cancelRun(): void {
  const r = useBench.getState().run;
  if (r.status !== 'running') return;
  worker?.postMessage({ type: 'cancel', id: r.jobId } satisfies ToWorker);
}

function onMessage(msg: FromWorker): void {
  const s = useBench.getState();
  if (!s.job || msg.id !== s.job.id) return;
  switch (msg.type) {
    case 'progress': {
      const label = s.job.models.find((m) => m.id === msg.modelId)?.label ?? msg.modelId;
      if (s.run.status === 'running') useBench.setState({ run: { ...s.run, step: msg.step, total: msg.total, modelLabel: label, batch: msg.batch, phase: msg.phase } });
      break;
    }
    case 'model':
      useBench.setState({ models: { ...s.models, [msg.modelId]: msg.info } });
      break;
    case 'point':
      useBench.setState({ points: [...s.points, { modelId: msg.modelId, batch: msg.batch, samples: msg.samples }] });
      break;
    case 'skip':
      useBench.setState({ skips: [...s.skips, { modelId: msg.modelId, ...(msg.batch !== undefined ? { batch: msg.batch } : {}), reason: msg.reason }] });
      break;
    case 'error':
      useBench.setState({ run: { status: 'error', message: msg.message } });
      break;
    case 'done':
      void finish(msg.cancelled);
      break;
  }
}

async function finish(cancelled: boolean): Promise<void> {
  const { job, points, models, caps, statuses } = useBench.getState();
  if (!job) return;
  if (cancelled || points.length === 0) {
    useBench.setState({ run: { status: 'finished', cancelled, message: cancelled ? 'Cancelled: nothing was saved.' : 'No point could be measured; nothing was saved.' } });
    return;
  }
  const def = backendDef(job.backend);
  const runModels: RunModel[] = job.models
    .filter((m) => models[m.id])
    .map((m) => ({ modelId: m.id, label: m.label, info: models[m.id]!, points: points.filter((p) => p.modelId === m.id).map((p) => ({ batch: p.batch, samples: p.samples })) }))
    .filter((m) => m.points.length > 0);
  const status = statuses.find((s) => s.id === job.backend);
  const userModel = job.models.length === 1 && job.models[0]!.source.kind === 'onnx' ? job.models[0] : undefined;
  // Runs, but may not calibrate: a software-emulated GPU.
  const emulated = !!status?.available && !calibratable(status);
  const profile: DeviceProfile = assembleProfile({
    id: newId(),
    createdAt: new Date().toISOString(),
    // A run of the user's own file is named after the file, so it can be found again.
    name: `${userModel ? `${userModel.label} on ` : ''}${def.label}${emulated ? ' (emulated GPU)' : ''} · ${new Date().toLocaleString()}`,
    runtime: 'browser',
    backend: def.backend,
    library: def.library,
    variant: def.variant,
    threads: def.library === 'onnxruntime-web' && def.backend === 'wasm' ? job.threads : 1,
    device: {
      userAgent: caps?.userAgent,
      platform: caps?.platform,
      cores: caps?.cores,
      ...(def.backend === 'webgpu' && caps?.webgpu.ok ? { gpu: { vendor: caps.webgpu.vendor, architecture: caps.webgpu.architecture, description: caps.webgpu.description, isFallback: caps.webgpu.isFallback } } : {}),
      ...(def.backend === 'webgl' && caps?.webgl2.renderer ? { gpu: { description: caps.webgl2.renderer, isFallback: emulated } } : {}),
    },
    settings: { warmupMs: job.warmupMs, budgetMs: job.budgetMs, minSamples: job.minSamples, maxSamples: job.maxSamples },
    models: runModels,
  });
  try {
    const id = await profilesRepo().save(profile);
    useBench.setState({ run: { status: 'finished', cancelled: false, profileId: id }, selectedProfileId: id });
  } catch (err) {
    const message = storageErrorMessage('The results could not be saved', err);
    useBench.setState({ run: { status: 'error', message } });
    notify(message, 'error', undefined, 0);
  }
}

export function selectProfile(id: string | null): void {
  useBench.setState({ selectedProfileId: id });
}
