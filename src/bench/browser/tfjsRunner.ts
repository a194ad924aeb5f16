import type { TfSpec } from '../tfjs/specs.ts';
import { feedArray } from '../runner.ts';

import type * as TfModule from '@tensorflow/tfjs';
import type { Tensor } from '@tensorflow/tfjs';

type Tf = typeof TfModule;

let tfPromise: Promise<Tf> | null = null;

/** Load tfjs and switch it to the requested backend; unavailable backends reject with tfjs's own reason. */
export async function loadTf(backend: 'wasm' | 'webgl' | 'webgpu' | 'cpu'): Promise<Tf> {
  tfPromise ??= import('@tensorflow/tfjs');
  const tf = await tfPromise;
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const [plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    // The threaded build dies in minified bundles and ran on one thread anyway here (bench-feasibility §3).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({ 'tfjs-backend-wasm.wasm': plain.default, 'tfjs-backend-wasm-simd.wasm': simd.default, 'tfjs-backend-wasm-threaded-simd.wasm': threaded.default });
  } else if (backend === 'webgpu') {
    await import('@tensorflow/tfjs-backend-webgpu');
  }
  const ok = await tf.setBackend(backend);
  if (!ok) throw new Error(`tfjs could not start its ${backend} backend in this browser.`);
  await tf.ready();
  return tf;
}

export interface TfModel {
  run(batch: number): Promise<void>;
  prepare(batch: number): void;
  dispose(): void;
}

/** Build the layer list with tfjs layers (random weights: speed does not depend on the values). */
export function tfModel(tf: Tf, spec: TfSpec): TfModel {
  const model = tf.sequential();
  spec.layers.forEach((l, i) => {
    const first = i === 0 ? { inputShape: spec.inputShape } : {};
    if (l.type === 'dense') model.add(tf.layers.dense({ units: l.units, activation: l.activation, ...first }));
    else if (l.type === 'conv') model.add(tf.layers.conv2d({ filters: l.filters, kernelSize: l.kernel, padding: 'same', activation: l.activation, ...first }));
    else if (l.type === 'maxpool') model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2, ...first }));
    else if (l.type === 'flatten') model.add(tf.layers.flatten(first));
    else model.add(tf.layers.embedding({ inputDim: l.vocab, outputDim: l.dim, inputLength: spec.inputShape[0]!, ...first }));
  });
  let input: Tensor | null = null;
  const vocab = spec.layers.find((l) => l.type === 'embedding');
  return {
    prepare(batch) {
      input?.dispose();
      const shape = [batch, ...spec.inputShape];
      const data = feedArray({ name: 'x', dtype: spec.inputKind === 'ids' ? 'int32' : 'float32', shape, ...(vocab?.type === 'embedding' ? { maxValue: vocab.vocab } : {}) });
      input = tf.tensor(data as Float32Array, shape, spec.inputKind === 'ids' ? 'int32' : 'float32');
    },
    async run() {
      const y = model.predict(input!) as Tensor;
      // Include reading the result back, as tfjs's own benchmark does: on GPU backends this waits for the work.
      await y.data();
      y.dispose();
    },
    dispose() {
      input?.dispose();
      model.dispose();
    },
  };
}
