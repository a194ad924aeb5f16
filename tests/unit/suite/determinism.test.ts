/** Building is deterministic, feeds are reproducible, and the int8 variants approximate their fp32 twins. */
import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { buildSuiteModel, feedShape, makeFeedData, suiteSpecs } from '../../../src/bench/suite/index.ts';
import type { BuiltModel, SuiteInput } from '../../../src/bench/suite/index.ts';

describe('deterministic building', () => {
  it.each(suiteSpecs().map((s) => s.id))('%s: same bytes twice', (id) => {
    const a = buildSuiteModel(id);
    const b = buildSuiteModel(id);
    expect(a.bytes.length).toBe(b.bytes.length);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
  });

  it('different sizes hold different weights', () => {
    const s = buildSuiteModel('matmul-s').model.graph.initializers[0]?.raw;
    const m = buildSuiteModel('matmul-m').model.graph.initializers[0]?.raw;
    expect(s && m && Buffer.compare(s, m.subarray(0, s.length))).not.toBe(0);
  });
});

describe('makeFeedData', () => {
  const floatIn: SuiteInput = { name: 'x', dtype: 'float32', shape: ['batch', 3, 5] };
  const idIn: SuiteInput = { name: 'ids', dtype: 'int64', shape: ['batch', 7], maxValue: 50 };

  it('is reproducible and depends on the seed and input name', () => {
    expect(makeFeedData(floatIn, 4)).toEqual(makeFeedData(floatIn, 4));
    expect(makeFeedData(floatIn, 4, 2)).not.toEqual(makeFeedData(floatIn, 4));
    expect(makeFeedData({ ...floatIn, name: 'y' }, 4)).not.toEqual(makeFeedData(floatIn, 4));
  });

  it('sizes the data by batch and keeps values in range', () => {
    const f = makeFeedData(floatIn, 4) as Float32Array;
    expect(f).toBeInstanceOf(Float32Array);
    expect(f.length).toBe(60);
    expect(f.every((v) => v >= -1 && v < 1)).toBe(true);
    const ids = makeFeedData(idIn, 300) as BigInt64Array;
    expect(ids).toBeInstanceOf(BigInt64Array);
    expect(ids.length).toBe(2100);
    expect(ids.every((v) => v >= 0n && v < 50n)).toBe(true);
    expect(new Set(ids).size).toBe(50);
    // batch B's first sample is batch 1's sample
    expect((makeFeedData(floatIn, 3) as Float32Array).slice(0, 15)).toEqual(makeFeedData(floatIn, 1));
    expect(feedShape(idIn, 300)).toEqual([300, 7]);
  });

  it('rejects a bad batch or an id input without a bound', () => {
    expect(() => makeFeedData(floatIn, 0)).toThrow(RangeError);
    expect(() => makeFeedData(floatIn, 1.5)).toThrow(RangeError);
    expect(() => makeFeedData({ name: 'ids', dtype: 'int64', shape: ['batch'] }, 1)).toThrow(/maxValue/);
  });
});

async function run(m: BuiltModel, batch: number): Promise<Float32Array> {
  const s = await ort.InferenceSession.create(m.bytes, { intraOpNumThreads: 1 });
  const feeds: Record<string, ort.Tensor> = {};
  for (const i of m.inputs) feeds[i.name] = new ort.Tensor(i.dtype, makeFeedData(i, batch), feedShape(i, batch));
  const out = await s.run(feeds);
  await s.release();
  return out[s.outputNames[0] as string]?.data as Float32Array;
}

describe('int8 variants', () => {
  it.each(['mlp-s', 'mlp-m', 'cnn-s', 'cnn-m', 'transformer-s', 'transformer-m'])(
    '%s-int8 matches %s within a few percent (same weights, quantized)',
    async (id) => {
      const fp = buildSuiteModel(id);
      const q = buildSuiteModel(`${id}-int8`);
      expect(q.paramsBytes).toBeLessThan(fp.paramsBytes * 0.3);
      const [a, b] = await Promise.all([run(fp, 3), run(q, 3)]);
      let err = 0;
      let ref = 0;
      for (let i = 0; i < a.length; i++) {
        err += ((a[i] as number) - (b[i] as number)) ** 2;
        ref += (a[i] as number) ** 2;
      }
      const relRms = Math.sqrt(err / ref);
      // Measured 0.4–2.4%; a wrong scale or saturating kernel gives 10–30%.
      expect(relRms).toBeLessThan(0.05);
      expect(relRms).toBeGreaterThan(0);
    },
    30_000,
  );
});
