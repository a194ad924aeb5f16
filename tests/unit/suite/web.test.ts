/** A few suite models in onnxruntime-web's wasm backend (run in Node, one thread) agree with onnxruntime-node. */
import { beforeAll, describe, expect, it } from 'vitest';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web/wasm';
import { buildSuiteModel, feedShape, makeFeedData } from '../../../src/bench/suite/index.ts';
import type { BuiltModel } from '../../../src/bench/suite/index.ts';

beforeAll(() => {
  ortWeb.env.wasm.numThreads = 1;
});

async function runNode(m: BuiltModel, batch: number): Promise<Float32Array> {
  const s = await ortNode.InferenceSession.create(m.bytes, { intraOpNumThreads: 1 });
  const feeds: Record<string, ortNode.Tensor> = {};
  for (const i of m.inputs) feeds[i.name] = new ortNode.Tensor(i.dtype, makeFeedData(i, batch), feedShape(i, batch));
  const out = await s.run(feeds);
  await s.release();
  return out[s.outputNames[0] as string]?.data as Float32Array;
}

async function runWeb(m: BuiltModel, batch: number): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const s = await ortWeb.InferenceSession.create(m.bytes, { executionProviders: ['wasm'] });
  const feeds: Record<string, ortWeb.Tensor> = {};
  for (const i of m.inputs) feeds[i.name] = new ortWeb.Tensor(i.dtype, makeFeedData(i, batch), feedShape(i, batch));
  const out = await s.run(feeds);
  await s.release();
  const t = out[s.outputNames[0] as string] as ortWeb.Tensor;
  return { data: t.data as Float32Array, dims: t.dims };
}

describe('onnxruntime-web (wasm) matches onnxruntime-node', () => {
  // fp32 models of three kinds, plus int8 ones (same integer kernels: observed bit-identical here).
  it.each(['mlp-s', 'cnn-s', 'transformer-s', 'recommender-s', 'mlp-s-int8', 'cnn-s-int8'])(
    '%s at batch 2 within 1e-4',
    async (id) => {
      const m = buildSuiteModel(id);
      const [native, web] = await Promise.all([runNode(m, 2), runWeb(m, 2)]);
      expect(web.dims[0]).toBe(2);
      expect(web.data.length).toBe(native.length);
      let worst = 0;
      for (let i = 0; i < native.length; i++) worst = Math.max(worst, Math.abs((native[i] as number) - (web.data[i] as number)));
      expect(worst).toBeLessThan(1e-4);
    },
    60_000,
  );
});
