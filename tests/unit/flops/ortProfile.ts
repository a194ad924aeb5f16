/** Runs a model in onnxruntime-node with profiling on, as ground truth for shapes and an independent FLOP count. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { ResolvedInput } from '../../../src/domain/calibration/flops/index.ts';

export interface ProfiledNode {
  name: string;
  op: string;
  inputs: number[][];
  outputs: number[][];
}

export interface OrtRun {
  outputs: Record<string, number[]>;
  nodes: ProfiledNode[];
}

type Level = 'disabled' | 'basic' | 'extended' | 'all';

interface ProfileEvent {
  cat: string;
  name: string;
  args: { op_name: string; input_type_shape?: Record<string, number[]>[]; output_type_shape?: Record<string, number[]>[] };
}

const shapeOf = (o: Record<string, number[]>) => Object.values(o)[0] ?? [];

export async function runProfiled(bytes: Uint8Array, inputs: ResolvedInput[], level: Level = 'disabled', int64Value = 1): Promise<OrtRun> {
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-ort-profile-'));
  try {
    const session = await ort.InferenceSession.create(bytes, {
      enableProfiling: true,
      profileFilePrefix: join(dir, 'profile'),
      graphOptimizationLevel: level,
      executionProviders: ['cpu'],
      intraOpNumThreads: 1,
      // ORT's own ONNX shape inference disagrees with its pooling kernels on ceil_mode; keep that warning out of the log.
      logSeverityLevel: 3,
    });
    const feeds: Record<string, ort.Tensor> = {};
    for (const i of inputs) {
      const n = i.shape.reduce((a, b) => a * b, 1);
      if (i.dtype === 'int64') feeds[i.name] = new ort.Tensor('int64', new BigInt64Array(n).fill(BigInt(int64Value)), i.shape);
      else if (i.dtype === 'float32') feeds[i.name] = new ort.Tensor('float32', Float32Array.from({ length: n }, (_, k) => 0.5 * Math.sin(k)), i.shape);
      else throw new Error(`no feed for ${i.dtype}`);
    }
    const result = await session.run(feeds);
    session.endProfiling();
    await session.release();
    const outputs: Record<string, number[]> = {};
    for (const [k, v] of Object.entries(result)) outputs[k] = [...v.dims];
    const file = readdirSync(dir).find((f) => f.endsWith('.json'));
    if (!file) throw new Error('onnxruntime wrote no profile');
    const events = JSON.parse(readFileSync(join(dir, file), 'utf8')) as ProfileEvent[];
    const nodes = events
      .filter((e) => e.cat === 'Node' && e.name.endsWith('_kernel_time'))
      .map((e) => ({
        name: e.name.replace(/_kernel_time$/, ''),
        op: e.args.op_name,
        inputs: (e.args.input_type_shape ?? []).map(shapeOf),
        outputs: (e.args.output_type_shape ?? []).map(shapeOf),
      }));
    return { outputs, nodes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
