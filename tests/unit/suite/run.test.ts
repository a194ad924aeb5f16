/** Every suite model loads and runs in onnxruntime-node, with the right output shape and sane values. */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { buildSuiteModel, feedShape, makeFeedData, suiteSpecs } from '../../../src/bench/suite/index.ts';
import type { BuiltModel, SuiteSpec } from '../../../src/bench/suite/index.ts';
import { CNN_SIZES } from '../../../src/bench/suite/cnn.ts';
import { DWCONV_SIZES } from '../../../src/bench/suite/dwconv.ts';
import { ELTWISE_SIZES } from '../../../src/bench/suite/eltwise.ts';
import { PROBE_CALL_N, PROBE_STREAM, PROBE_WEIGHTS_DIMS } from '../../../src/bench/suite/probe.ts';
import { MATMUL_SIZES } from '../../../src/bench/suite/matmul.ts';
import { MLP_SIZES } from '../../../src/bench/suite/mlp.ts';
import { RECOMMENDER_SIZES } from '../../../src/bench/suite/recommender.ts';
import { TRANSFORMER_SIZES } from '../../../src/bench/suite/transformer.ts';

function expectedOutputShape(s: SuiteSpec, batch: number): number[] {
  switch (s.family) {
    case 'mlp':
      return [batch, MLP_SIZES[s.size].at(-1) as number];
    case 'cnn':
      return [batch, CNN_SIZES[s.size].classes];
    case 'transformer':
      return [batch, TRANSFORMER_SIZES[s.size].seq, TRANSFORMER_SIZES[s.size].dModel];
    case 'recommender':
      return [batch, RECOMMENDER_SIZES[s.size].tower.at(-1) as number];
    case 'eltwise':
      return [batch, ...(ELTWISE_SIZES[s.size]?.shape ?? [])];
    case 'dwconv': {
      const c = DWCONV_SIZES[s.size];
      return c ? [batch, c.channels, c.size, c.size] : [];
    }
    case 'matmul':
      return [batch, MATMUL_SIZES[s.size], MATMUL_SIZES[s.size]];
    case 'probe':
      if (s.id === 'probe-call') return [batch, PROBE_CALL_N, PROBE_CALL_N];
      return s.id === 'probe-stream' ? [batch, ...PROBE_STREAM.shape] : [batch, PROBE_WEIGHTS_DIMS.at(-1) as number];
  }
}

async function run(m: BuiltModel, batch: number): Promise<ort.Tensor> {
  const session = await ort.InferenceSession.create(m.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const feeds: Record<string, ort.Tensor> = {};
  for (const i of m.inputs) feeds[i.name] = new ort.Tensor(i.dtype, makeFeedData(i, batch), feedShape(i, batch));
  expect(session.inputNames.slice().sort()).toEqual(m.inputs.map((i) => i.name).sort());
  const out = await session.run(feeds);
  await session.release();
  const name = m.model.graph.outputs[0]?.name as string;
  return out[name] as ort.Tensor;
}

describe('suite catalogue', () => {
  it('has 20–32 uniquely named entries covering every family, with int8 for mlp, cnn and transformer', () => {
    const specs = suiteSpecs();
    expect(specs.length).toBeGreaterThanOrEqual(20);
    expect(specs.length).toBeLessThanOrEqual(32);
    expect(new Set(specs.map((s) => s.id)).size).toBe(specs.length);
    expect(new Set(specs.map((s) => s.family))).toEqual(new Set(['mlp', 'cnn', 'transformer', 'recommender', 'eltwise', 'dwconv', 'matmul', 'probe']));
    for (const f of ['mlp', 'cnn', 'transformer']) expect(specs.some((s) => s.family === f && s.precision === 'int8')).toBe(true);
    for (const s of specs) {
      expect(s.label.length).toBeGreaterThan(0);
      expect(s.description.length).toBeGreaterThan(20);
    }
  });

  it('refuses an unknown id', () => {
    expect(() => buildSuiteModel('mlp-xl')).toThrow(/unknown suite model/);
  });
});

describe.each(suiteSpecs())('$id runs in onnxruntime-node', (spec) => {
  // The large sizes run at batch 1 only, to keep the suite fast.
  const batches = spec.size === 'l' ? [1] : [1, 3];
  it(`batch ${batches.join(' and ')}: output shape, finite values, batch rows independent`, async () => {
    const m = buildSuiteModel(spec.id);
    expect(m.spec).toEqual(spec);
    expect(m.bytes.length).toBeLessThan(30e6);
    expect(m.bytes.length).toBeGreaterThan(m.paramsBytes);
    expect(m.model.graph.inputs.every((i) => i.shape?.[0] === 'batch')).toBe(true);
    const outputs: Float32Array[] = [];
    for (const batch of batches) {
      const out = await run(m, batch);
      expect(out.dims).toEqual(expectedOutputShape(spec, batch));
      expect(out.type).toBe('float32');
      const data = out.data as Float32Array;
      expect(data.every(Number.isFinite)).toBe(true);
      expect(data.some((v) => v !== 0)).toBe(true);
      outputs.push(data);
    }
    if (spec.family === 'mlp') {
      // softmax rows sum to 1
      const k = MLP_SIZES[spec.size].at(-1) as number;
      const first = (outputs[0] as Float32Array).slice(0, k);
      expect(first.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
    const [one, three] = outputs;
    if (one && three) {
      // makeFeedData's first sample is the same at every batch size, so row 0 must not depend on the batch.
      // (int8 with dynamic quantization picks its scale over the whole batch, so only roughly.)
      const tol = spec.precision === 'int8' ? 0.1 : 1e-4;
      let worst = 0;
      for (let i = 0; i < one.length; i++) worst = Math.max(worst, Math.abs((one[i] as number) - (three[i] as number)));
      expect(worst).toBeLessThan(tol);
      // ...and the other rows see other inputs.
      expect(three.slice(one.length, 2 * one.length)).not.toEqual(one);
    }
  });
});
