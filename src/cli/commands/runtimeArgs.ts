import type { BenchRunner } from '../../bench/runner.ts';
import { num, oneOf, str } from '../args.ts';
import { InputError, UsageError } from '../command.ts';

/** Options shared by bench and calibrate: which runtime runs the models, and how long each point is timed. */
export const runtimeOptions = {
  runtime: { type: 'string' }, backend: { type: 'string' }, threads: { type: 'string' }, 'budget-ms': { type: 'string' }, 'warmup-ms': { type: 'string' },
} as const;

export const RUNTIME_HELP = `  --runtime    node (onnxruntime-node, CPU; default) or browser (onnxruntime-web in headless Chromium,
               from CHROMIUM_PATH or /usr/bin/chromium)
  --backend    browser: wasm (default) or webgpu; node: cpu
  --threads    intra-op threads (node) or wasm threads (browser); default 1, the most repeatable on a shared
               machine — set it to what the deployment will use
  --budget-ms  time spent taking samples at each batch size
  --warmup-ms  warm-up before a model's first batch (the browser needs ≥1.5 s while wasm tiers up)`;

type Values = Record<string, string | boolean | undefined>;

export interface RuntimeChoice {
  runtime: 'node' | 'browser';
  backend: string;
  threads: number;
  budgetMs: number | undefined;
  warmupMs: number | undefined;
}

export function readRuntime(values: Values): RuntimeChoice {
  const runtime = (oneOf(str(values, 'runtime'), 'runtime', ['node', 'browser']) ?? 'node') as 'node' | 'browser';
  const backends = runtime === 'node' ? ['cpu'] : ['wasm', 'webgpu'];
  const backend = oneOf(str(values, 'backend'), `backend for --runtime ${runtime}`, backends) ?? backends[0]!;
  return {
    runtime, backend,
    threads: num(values, 'threads', { integer: true, min: 1, max: 256 }) ?? 1,
    budgetMs: num(values, 'budget-ms', { min: 0, max: 600_000 }),
    warmupMs: num(values, 'warmup-ms', { min: 0, max: 600_000 }),
  };
}

/** Start the chosen runtime; a runtime that cannot start (no Chromium, ORT failed) is an input problem, exit 1. */
export async function openRunner(c: RuntimeChoice): Promise<BenchRunner> {
  try {
    if (c.runtime === 'node') {
      const { openNodeRunner } = await import('../../bench/node/ortNode.ts');
      return await openNodeRunner({ threads: c.threads });
    }
    const { openBrowserRunner } = await import('../../bench/node/ortBrowser.ts');
    return await openBrowserRunner({ threads: c.threads, backend: c.backend as 'wasm' | 'webgpu' });
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new InputError(`could not start the ${c.runtime} runtime: ${err instanceof Error ? err.message : String(err)}`);
  }
}
