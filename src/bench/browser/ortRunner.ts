import type * as OrtModule from 'onnxruntime-web';
import type { InferenceSession, Tensor } from 'onnxruntime-web';
import { feedArray, type FeedSpec } from '../runner.ts';

type Ort = typeof OrtModule;

let loaded: { backend: 'wasm' | 'webgpu'; ort: Ort } | null = null;

/**
 * Load onnxruntime-web lazily. CPU numbers come from the `/wasm` bundle (the JSEP bundle runs the same EP slower,
 * bench-feasibility §1); WebGPU uses the native WebGPU EP bundle. Threads must be set explicitly: ORT's default is
 * 1 thread on a 2-core machine.
 */
export async function loadOrt(backend: 'wasm' | 'webgpu', threads: number): Promise<Ort> {
  if (loaded && loaded.backend === backend) return loaded.ort;
  if (loaded) throw new Error('Switching onnxruntime-web bundles needs a fresh worker.');
  const ort = (backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm')) as Ort;
  ort.env.wasm.numThreads = Math.max(1, threads);
  ort.env.logLevel = 'error';
  loaded = { backend, ort };
  return ort;
}

export interface OrtModel {
  session: InferenceSession;
  run(feeds: Record<string, Tensor>): Promise<void>;
  feeds(specs: FeedSpec[]): Record<string, Tensor>;
  release(): Promise<void>;
}

export async function ortModel(ort: Ort, bytes: Uint8Array, backend: 'wasm' | 'webgpu'): Promise<OrtModel> {
  const session = await ort.InferenceSession.create(bytes, { executionProviders: [backend], graphOptimizationLevel: 'all' });
  return {
    session,
    async run(feeds) {
      const out = await session.run(feeds);
      // Read the outputs back, as a caller would: on WebGPU this waits for the GPU to finish.
      for (const t of Object.values(out)) {
        if (t.location !== 'cpu') await t.getData(true);
        else t.dispose();
      }
    },
    feeds(specs) {
      const f: Record<string, Tensor> = {};
      for (const s of specs) f[s.name] = new ort.Tensor(s.dtype as 'float32', feedArray(s) as Float32Array, s.shape);
      return f;
    },
    release: () => session.release(),
  };
}
