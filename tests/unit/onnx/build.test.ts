import { describe, expect, it } from 'vitest';
import { GraphBuilder, Mulberry32, elemSize, numel } from '../../../src/domain/onnx/build.ts';
import { DataType } from '../../../src/domain/onnx/types.ts';

describe('Mulberry32', () => {
  it('is deterministic, in [0, 1), and fillUniform draws the same stream as next()', () => {
    const a = new Mulberry32(42);
    const seq = Array.from({ length: 1000 }, () => a.next());
    expect(seq.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(new Set(seq).size).toBe(1000);
    const b = new Mulberry32(42);
    const filled = b.fillUniform(new Float32Array(1000), 0.5);
    seq.forEach((v, i) => expect(filled[i]).toBe(Math.fround((v * 2 - 1) * 0.5)));
    // The state carries on after a fill.
    expect(b.next()).toBe(a.next());
    expect(new Mulberry32(43).next()).not.toBe(new Mulberry32(42).next());
  });
});

describe('GraphBuilder counting', () => {
  it('counts per-sample and fixed FLOPs and bytes by evaluating batch 1 and 2', () => {
    const g = new GraphBuilder('t', { seed: 1 });
    const x = g.input('x', DataType.FLOAT, ['batch', 4]);
    const wq = g.int8Tensor('wq', [4, 3], new Int8Array(12).fill(1));
    const w = g.dequantizeLinear(wq, g.scalar(0.5), g.scalar(0, DataType.INT8)); // fixed: 2·12
    const y = g.gemm(x, w, g.floatTensor('b', [3], [1, 2, 3])); // 2·3·4 + 3 per sample
    g.output(g.softmax(y)); // 3·3 per sample
    const c = g.counts();
    expect(c.flopsPerSample).toBe(2 * 3 * 4 + 3 + 9);
    expect(c.fixedFlops).toBe(24);
    expect(c.activationBytesPerSample).toBe(4 * 3 + 4 * 3);
    expect(c.fixedActivationBytes).toBe(4 * 12);
    expect(c.paramsBytes).toBe(12 + 4 + 1 + 12);
  });

  it('infers shapes through Reshape (0 and -1), Transpose, MatMul broadcasting and Conv', () => {
    const g = new GraphBuilder('t', { seed: 1 });
    const x = g.input('x', DataType.FLOAT, ['batch', 8, 12]);
    const r = g.reshape(x, [0, 0, 3, -1]);
    expect(g.shape(r)).toEqual(['batch', 8, 3, 4]);
    const t = g.transpose(r, [0, 2, 1, 3]);
    expect(g.shape(t)).toEqual(['batch', 3, 8, 4]);
    expect(g.shape(g.matMul(t, g.transpose(r, [0, 2, 3, 1])))).toEqual(['batch', 3, 8, 8]);
    const img = g.input('img', DataType.FLOAT, ['batch', 3, 17, 17]);
    const w = g.floatTensor('w', [6, 3, 3, 3], new Float32Array(162));
    expect(g.shape(g.conv(img, w, undefined, { strides: [2, 2], pads: [1, 1, 1, 1] }))).toEqual(['batch', 6, 9, 9]);
    expect(g.shape(g.maxPool(img, [2, 2]))).toEqual(['batch', 3, 8, 8]);
    expect(() => g.reshape(x, [-1, 12])).toThrow(/batch/);
    expect(() => g.add(x, g.floatTensor('v', [5], new Float32Array(5)))).toThrow(/broadcast/);
    expect(() => g.matMul(x, g.floatTensor('m', [5, 2], new Float32Array(10)))).toThrow(/K mismatch/);
  });

  it('shares scalar and shape constants and rejects wrong-sized initializers', () => {
    const g = new GraphBuilder('t', { seed: 1 });
    expect(g.scalar(1)).toBe(g.scalar(1));
    expect(g.scalar(1, DataType.INT8)).not.toBe(g.scalar(1));
    expect(g.int64Vector([0, 0, 4])).toBe(g.int64Vector([0, 0, 4]));
    expect(() => g.initializer('bad', DataType.FLOAT, [3], new Uint8Array(8))).toThrow(/expected 12/);
    expect(g.counts().paramsBytes).toBe(4 + 1 + 24);
  });

  it('knows element sizes and counts elements with a symbolic batch', () => {
    expect([DataType.FLOAT, DataType.INT8, DataType.UINT8, DataType.INT32, DataType.INT64].map(elemSize)).toEqual([4, 1, 1, 4, 8]);
    expect(numel(['batch', 3, 4], 5)).toBe(60);
    expect(numel([], 5)).toBe(1);
  });
});
