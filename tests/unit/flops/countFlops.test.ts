import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFlops, parseShape, resolveInputs } from '../../../src/domain/calibration/flops/index.ts';
import { readModel } from '../../../src/domain/onnx/read.ts';
import { DataType } from '../../../src/domain/onnx/types.ts';
import { f32, graph, i64, model, node, vi } from './build.ts';
import { encodeModel } from './encodeOnnx.ts';
import { fileBytes, loadModel, REAL_MODELS } from './realModels.ts';

describe('parseShape', () => {
  it('reads NxCxHxW and a few friendly variants', () => {
    expect(parseShape('1x3x224x224')).toEqual([1, 3, 224, 224]);
    expect(parseShape(' 8 × 128 ')).toEqual([8, 128]);
    expect(parseShape('[2, 3]')).toEqual([2, 3]);
    expect(parseShape('1X0')).toEqual([1, 0]);
    expect(parseShape('')).toEqual([]);
    expect(parseShape('scalar')).toEqual([]);
  });

  it('throws a clear error on junk', () => {
    expect(() => parseShape('1x3xabc')).toThrow('"1x3xabc" is not a shape: "abc" is not a non-negative whole number (write e.g. 1x3x224x224)');
    expect(() => parseShape('1x-3')).toThrow(/"-3" is not a non-negative whole number/);
    expect(() => parseShape('1.5x2')).toThrow(/"1.5"/);
    expect(() => parseShape('2xx3')).toThrow(/"" is not/);
    expect(() => parseShape('99999999999999999999')).toThrow(/too large/);
  });
});

describe('resolveInputs', () => {
  const m = model(
    graph(
      [node('Add', ['x', 'w'], ['y'])],
      [vi('x', ['batch', 'seq', 8]), vi('h', [2, 'batch', 4]), vi('ids', ['N', 5], DataType.INT64), vi('w', [8]), vi('mask', [null, 3], DataType.BOOL)],
      [vi('y')],
      [f32('w', [8])],
    ),
  );

  it('skips inputs that are initializers, maps types, and puts the batch on every batch axis', () => {
    expect(resolveInputs(m, { batch: 4, shapes: { x: [1, 16, 8] } })).toEqual([
      { name: 'x', dtype: 'float32', shape: [4, 16, 8] },
      { name: 'h', dtype: 'float32', shape: [2, 4, 4] },
      { name: 'ids', dtype: 'int64', shape: [4, 5] },
      { name: 'mask', dtype: 'bool', shape: [4, 3] },
    ]);
  });

  it('takes the batch from an override when no batch is given, and 1 otherwise', () => {
    expect(resolveInputs(m, { shapes: { x: [6, 16, 8] } }).map((i) => i.shape)).toEqual([
      [6, 16, 8],
      [2, 6, 4],
      [6, 5],
      [6, 3],
    ]);
    expect(resolveInputs(m)[0]!.shape).toEqual([1, 1, 8]);
  });

  it('warns (through countFlops) about symbolic dims it had to guess and about unknown override names', () => {
    const r = countFlops(m, { shapes: { nope: [1] } });
    expect(r.warnings).toContain('input "x": symbolic axis 1 ("seq") assumed 1; give its shape in shapes');
    expect(r.warnings).toContain('shapes names "nope", which is not a graph input; ignored');
  });

  it('treats a sequence-first input with a "batch" dim as batched', () => {
    const s = model(graph([node('Relu', ['x'], ['y'])], [vi('x', [10, 'batch_size', 3])], [vi('y')]));
    expect(resolveInputs(s, { batch: 2 })[0]!.shape).toEqual([10, 2, 3]);
    expect(countFlops(s, { batch: 2 }).flopsPerSample).toBe(30);
  });

  it('throws for inputs that cannot be fed', () => {
    const str = model(graph([], [vi('s', [1], DataType.STRING)], []));
    expect(() => resolveInputs(str)).toThrow('input "s" has element type 8, which cannot be fed');
    const noShape = model(graph([], [vi('x')], []));
    expect(() => resolveInputs(noShape)).toThrow(/no declared shape/);
  });
});

describe('countFlops per-sample arithmetic', () => {
  it('a model without a symbolic batch reports per call, and says so', () => {
    const m = model(graph([node('Relu', ['x'], ['y'])], [vi('x', [3, 4])], [vi('y')]));
    const r = countFlops(m, { batch: 8 });
    expect([r.batch, r.totalFlops, r.flopsPerSample, r.fixedFlops]).toEqual([1, 12, 12, 0]);
    expect(r.warnings).toContain('batch 8 ignored: the input shapes are fixed');
    expect(r.warnings).toContain('no input has a symbolic batch dimension: per-sample numbers are per call');
  });

  it('a bad batch falls back to 1 with a warning', () => {
    const m = model(graph([node('Relu', ['x'], ['y'])], [vi('x', ['B', 4])], [vi('y')]));
    const r = countFlops(m, { batch: 0 });
    expect(r.batch).toBe(1);
    expect(r.warnings).toContain('batch 0 is not a positive integer; using 1');
  });

  it('alexa (openWakeWord, Gemm 1536→128→128→1): matches the count by hand', () => {
    const r = countFlops(loadModel(REAL_MODELS.find((m) => m.id === 'alexa_v0.1')!.path));
    const gemm = 2 * (1536 * 128 + 128 * 128 + 128 * 1) + (128 + 128 + 1);
    expect(r.ops.Gemm!.flops).toBe(gemm);
    expect(r.totalFlops).toBe(gemm + 2 * 128 + 1);
    expect(r.paramsCount).toBe(1536 * 128 + 128 + 128 * 128 + 128 + 128 + 1);
  });

  it('real models: per-sample counts are linear in the batch (F(4) = F(1) + 3·perSample)', () => {
    for (const id of ['ppocr_v4_rec', 'embedding_model', 'silero_vad_legacy', 'melspectrogram']) {
      const m = REAL_MODELS.find((x) => x.id === id)!;
      const model = loadModel(m.path);
      const r1 = countFlops(model, { shapes: m.shapes });
      const r4 = countFlops(model, { shapes: m.shapes, batch: 4 });
      expect(r4.batch).toBe(4);
      expect(r4.totalFlops, id).toBe(r1.fixedFlops + 4 * r1.flopsPerSample);
      expect(r1.flopsPerSample).toBeGreaterThan(0);
      expect(r1.fixedFlops).toBeLessThan(10);
    }
  });
});

describe('robustness: damaged models never make countFlops throw or return NaN', () => {
  const finite = (r: ReturnType<typeof countFlops>) =>
    [r.totalFlops, r.flopsPerSample, r.fixedFlops, r.paramsBytes, r.paramsCount, r.activationBytesPerSample, ...Object.values(r.ops).map((o) => o.flops)].every(Number.isFinite);

  const rich = encodeModel(
    model(
      graph(
        [
          node('Shape', ['x'], ['s']),
          node('Gather', ['s', 'zero'], ['n']),
          node('Unsqueeze', ['n', 'ax'], ['n1']),
          node('Concat', ['n1', 'm1'], ['t'], { axis: 0 }),
          node('Reshape', ['x', 't'], ['f']),
          node('MatMul', ['f', 'w'], ['mm']),
          node('Conv', ['x', 'k'], ['c'], { pads: [1, 1, 1, 1], strides: [2, 2] }),
          node('MaxPool', ['c'], ['p'], { kernel_shape: [2, 2], strides: [2, 2], ceil_mode: 1 }),
          node('Resize', ['p', '', 'sc'], ['r']),
          node('Slice', ['s', 'one', 'big'], ['tail']),
          node('Softmax', ['mm'], ['sm']),
        ],
        [vi('x', ['B', 2, 6, 6])],
        [vi('sm'), vi('r'), vi('tail')],
        [i64('zero', [], [0]), i64('ax', [1], [0]), i64('m1', [1], [-1]), f32('w', [72, 4]), f32('k', [3, 2, 3, 3]), f32('sc', [4], [1, 1, 2, 2]), i64('one', [1], [1]), i64('big', [1], [99])],
      ),
    ),
  );
  const jarvis = fileBytes(REAL_MODELS.find((m) => m.id === 'hey_jarvis_v0.1')!.path);

  it('the undamaged synthetic model counts cleanly', () => {
    const r = readModel(rich);
    if (!r.ok) throw new Error(r.error);
    const rep = countFlops(r.model);
    expect(rep.warnings).toEqual([]);
    expect(rep.ops.MatMul!.flops).toBe(2 * 4 * 72);
  });

  for (const [label, bytes, span] of [
    ['synthetic', rich, rich.length],
    ['hey_jarvis (graph part)', jarvis, 6000],
  ] as const) {
    it(`${label}: random byte changes`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(span - 1), fc.nat(255)), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (flips, batch) => {
          const b = bytes.slice();
          for (const [i, v] of flips) b[i] = v;
          const r = readModel(b);
          if (!r.ok) return;
          const rep = countFlops(r.model, { batch });
          expect(finite(rep)).toBe(true);
        }),
        { numRuns: 200 },
      );
    });
  }
});
