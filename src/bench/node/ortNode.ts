import { availableParallelism, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type * as OrtNodeModule from 'onnxruntime-node';
import type { SampleSummary } from '../../domain/calibration/stats.ts';
import { sweep, type SweepProgress } from '../measure.ts';
import { feedArray, type BenchOptions, type BenchRunner, type FeedSpec, type RunnerInfo } from '../runner.ts';
import { onnxTarget, targetFlops, type BenchTarget } from '../target.ts';

type OrtNode = typeof OrtNodeModule;

/** onnxruntime-node loads a 30 MB native library: only when a benchmark actually runs. */
async function loadOrt(): Promise<OrtNode> {
  return await import('onnxruntime-node');
}

export function nodeDevice(): RunnerInfo['device'] {
  const model = cpus()[0]?.model?.trim();
  return { platform: `${process.platform} ${process.arch}${model ? `, ${model}` : ''}`, cores: availableParallelism() };
}

function toTensors(ort: OrtNode, specs: FeedSpec[]): Record<string, Tensor> {
  const feeds: Record<string, Tensor> = {};
  specs.forEach((s, i) => {
    // ORT takes bool data as Uint8Array; everything else maps one to one.
    feeds[s.name] = new ort.Tensor(s.dtype as 'float32', feedArray(s, i + 1) as Float32Array, s.shape);
  });
  return feeds;
}

/**
 * onnxruntime-node, CPU execution provider: intra-op threads as given, inter-op 1 (the suite's graphs are chains),
 * graph optimisation 'all'. Feeds are built once per batch and reused: node, unlike ORT-web's proxy worker,
 * never detaches them.
 */
export async function openNodeRunner(opts: { threads?: number } = {}): Promise<BenchRunner> {
  const ort = await loadOrt();
  const threads = Math.max(1, opts.threads ?? availableParallelism());
  const info: RunnerInfo = {
    runtime: 'node', backend: 'cpu', library: 'onnxruntime-node', variant: `onnxruntime-node ${ort.env.versions?.node ?? ''}`.trim(), threads, device: nodeDevice(),
  };
  return {
    info,
    async benchModel(bytes, feedsAt, batches, bench: BenchOptions, onProgress?: (p: SweepProgress) => void) {
      let session: InferenceSession;
      try {
        session = await ort.InferenceSession.create(bytes, {
          intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionProviders: ['cpu'],
        });
      } catch (err) {
        throw new Error(`onnxruntime-node could not load the model: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
      try {
        return await sweep(
          batches,
          async (batch) => {
            const feeds = toTensors(ort, feedsAt(batch));
            return async () => {
              await session.run(feeds);
            };
          },
          { ...bench, now: () => performance.now() },
          onProgress,
        );
      } finally {
        await session.release();
      }
    },
    async close() {},
  };
}

export interface BatchBench {
  batch: number;
  stats: SampleSummary;
  /** Achieved GFLOP/s at the p50: flops(B) / p50. */
  gflops: number;
  samples: number[];
}

/**
 * Bench one ONNX model in onnxruntime-node at several batch sizes. Inputs and FLOPs come from the file (read and
 * counted by the domain's FLOP counter, `shapes` fixing symbolic dimensions) unless a prepared `target` is given.
 */
export async function benchOnnxNode(
  bytes: Uint8Array,
  opts: BenchOptions & { batches: readonly number[]; threads?: number; shapes?: readonly string[] | Record<string, number[]>; target?: BenchTarget },
): Promise<BatchBench[]> {
  const target = opts.target ?? onnxTarget(bytes, 'model', opts.shapes ?? []);
  const runner = await openNodeRunner(opts.threads !== undefined ? { threads: opts.threads } : {});
  try {
    const points = await runner.benchModel(bytes, target.feedsAt, opts.batches, opts);
    return points.map((p) => ({ batch: p.batch, stats: p.summary, gflops: targetFlops(target, p.batch) / p.summary.p50Ms / 1e6, samples: p.samples }));
  } finally {
    await runner.close();
  }
}
