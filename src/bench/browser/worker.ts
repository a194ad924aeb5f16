/// <reference lib="webworker" />
import { measure } from '../measure.ts';
import { onnxTarget, suiteTarget } from '../target.ts';
import { isTooNoisy, spreadOf, summarize } from '../../domain/calibration/stats.ts';
import { tfCost, tfSpec } from '../tfjs/specs.ts';
import { backendDef } from './backends.ts';
import type { BenchJob, FromWorker, JobModel, ToWorker } from './protocol.ts';
import { loadOrt, ortModel } from './ortRunner.ts';
import { loadTf, tfModel } from './tfjsRunner.ts';

/**
 * Runs benchmark jobs off the page's thread so the UI stays responsive. One job at a time; Cancel aborts
 * between samples. Each (model, batch) point posts its raw samples; statistics are the page's job.
 */
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
let current: { id: number; abort: AbortController } | null = null;

interface Prepared {
  /** Make the runner for one batch size; returns the function one timed run calls. */
  atBatch(batch: number): Promise<() => Promise<void>>;
  dispose(): Promise<void>;
}

async function prepare(job: BenchJob, m: JobModel): Promise<Prepared> {
  const def = backendDef(job.backend);
  if (def.models === 'tfjs') {
    if (m.source.kind !== 'tfjs') throw new Error('tfjs backends run the tfjs model set.');
    const spec = tfSpec(m.source.id);
    if (!spec) throw new Error(`Unknown tfjs model ${m.source.id}`);
    post({ type: 'model', id: job.id, modelId: m.id, info: { precision: 'fp32', fixedFlops: 0, ...tfCost(spec) } });
    const tf = await loadTf(def.backend);
    const model = tfModel(tf, spec);
    return {
      async atBatch(batch) {
        model.prepare(batch);
        return () => model.run(batch);
      },
      async dispose() {
        model.dispose();
      },
    };
  }
  const backend = def.backend === 'webgpu' ? 'webgpu' : 'wasm';
  const ort = await loadOrt(backend, job.threads);
  if (m.source.kind === 'tfjs') throw new Error('onnxruntime-web runs ONNX models.');
  // The same targets the CLI benchmarks: bytes, inputs at any batch, and the cost the fits need.
  const target = m.source.kind === 'suite' ? suiteTarget(m.source.id) : onnxTarget(new Uint8Array(m.source.bytes), m.id, m.source.shapes ?? {});
  const { bytes } = target;
  post({ type: 'model', id: job.id, modelId: m.id, info: { precision: target.precision, ...target.cost, ...(target.report ? { warnings: target.report.warnings } : {}) } });
  const model = await ortModel(ort, bytes, backend);
  return {
    async atBatch(batch) {
      const feeds = model.feeds(target.feedsAt(batch));
      return () => model.run(feeds);
    },
    dispose: () => model.release(),
  };
}

async function run(job: BenchJob, signal: AbortSignal): Promise<void> {
  const total = job.models.length * job.batches.length;
  let step = 0;
  for (const m of job.models) {
    if (signal.aborted) break;
    post({ type: 'progress', id: job.id, step, total, modelId: m.id, batch: job.batches[0]!, phase: 'loading' });
    let prepared: Prepared;
    try {
      prepared = await prepare(job, m);
    } catch (err) {
      post({ type: 'skip', id: job.id, modelId: m.id, reason: `Could not load: ${message(err)}` });
      step += job.batches.length;
      continue;
    }
    let first = true;
    for (const batch of job.batches) {
      if (signal.aborted) break;
      post({ type: 'progress', id: job.id, step, total, modelId: m.id, batch, phase: 'timing' });
      try {
        const once = await prepared.atBatch(batch);
        const opts = { warmupMs: first ? job.warmupMs : job.batchWarmupMs, budgetMs: job.budgetMs, minSamples: job.minSamples, maxSamples: job.maxSamples, now: () => performance.now(), signal };
        let samples = await measure(once, opts);
        // Something else took the cores for part of the point: measure it once more, keep the steadier try.
        if (isTooNoisy(summarize(samples)).noisy && !signal.aborted) {
          const again = await measure(once, { ...opts, warmupMs: job.batchWarmupMs });
          if (spreadOf(summarize(again)) < spreadOf(summarize(samples))) samples = again;
        }
        if (!signal.aborted) post({ type: 'point', id: job.id, modelId: m.id, batch, samples });
      } catch (err) {
        if (signal.aborted) break;
        post({ type: 'skip', id: job.id, modelId: m.id, batch, reason: message(err) });
      }
      first = false;
      step++;
    }
    await prepared.dispose().catch(() => undefined);
  }
  post({ type: 'done', id: job.id, cancelled: signal.aborted });
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'cancel') {
    if (current?.id === msg.id) current.abort.abort();
    return;
  }
  current?.abort.abort();
  const abort = new AbortController();
  current = { id: msg.job.id, abort };
  run(msg.job, abort.signal).catch((err) => post({ type: 'error', id: msg.job.id, message: message(err) }));
};
