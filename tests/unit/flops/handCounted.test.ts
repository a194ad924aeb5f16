import { describe, expect, it } from 'vitest';
import { countFlops, inferShapes, resolveInputs, type CountOptions } from '../../../src/domain/calibration/flops/index.ts';
import { DataType, type Model } from '../../../src/domain/onnx/types.ts';
import { f32, graph, i64, model, node, u8, vi } from './build.ts';
import { encodeModel } from './encodeOnnx.ts';
import { runProfiled } from './ortProfile.ts';

/** Inferred output shapes of the top-level graph. */
function outShapes(m: Model, opts: CountOptions = {}) {
  return inferShapes(m, opts).outputs.map((v) => v?.shape);
}

/** onnxruntime's output shapes for the same graph, through the test encoder. */
async function ortShapes(m: Model, opts: CountOptions = {}) {
  const r = await runProfiled(encodeModel(m), resolveInputs(m, opts));
  return m.graph.outputs.map((o) => r.outputs[o.name]);
}

const X = (shape: (number | string)[], name = 'x') => vi(name, shape);

describe('hand-counted FLOPs', () => {
  it('Conv with groups, dilation and bias: 2·|out|·(Cin/group)·prod(k) + |out|', async () => {
    // x [1,8,10,10], w [16,2,3,3], group 4, dilation 2, pads 2: out [1,16,10,10] = 1600.
    const m = model(
      graph(
        [node('Conv', ['x', 'w', 'b'], ['y'], { group: 4, dilations: [2, 2], pads: [2, 2, 2, 2] })],
        [X(['N', 8, 10, 10])],
        [vi('y')],
        [f32('w', [16, 2, 3, 3]), f32('b', [16])],
      ),
    );
    const r = countFlops(m);
    expect(r.totalFlops).toBe(2 * 1600 * 2 * 9 + 1600);
    expect(r.flopsPerSample).toBe(59200);
    expect(r.fixedFlops).toBe(0);
    expect(r.ops).toEqual({ Conv: { count: 1, flops: 59200 } });
    expect(r.paramsCount).toBe(16 * 2 * 9 + 16);
    expect(r.paramsBytes).toBe(4 * (288 + 16));
    expect(r.activationBytesPerSample).toBe(1600 * 4);
    expect(r.warnings).toEqual([]);
    expect(countFlops(m, { batch: 3 }).totalFlops).toBe(3 * 59200);
    expect(outShapes(m)).toEqual(await ortShapes(m));
  });

  it('Conv with strides and auto_pad SAME_UPPER / VALID', async () => {
    const mk = (autoPad: string, dil: number) =>
      model(graph([node('Conv', ['x', 'w'], ['y'], { strides: [2, 2], auto_pad: autoPad, dilations: [dil, dil] })], [X([1, 3, 15, 15])], [vi('y')], [f32('w', [4, 3, 3, 3])]));
    const same = mk('SAME_UPPER', 1);
    expect(outShapes(same)).toEqual([[1, 4, 8, 8]]);
    expect(countFlops(same).totalFlops).toBe(2 * 256 * 27);
    const valid = mk('VALID', 2);
    expect(outShapes(valid)).toEqual([[1, 4, 6, 6]]);
    expect(outShapes(same)).toEqual(await ortShapes(same));
    expect(outShapes(valid)).toEqual(await ortShapes(valid));
  });

  it('ConvTranspose with groups, output_padding and bias: 2·|in|·(Cout/group)·prod(k) + |out|', async () => {
    // out = 2·(5−1) + 1 + 3 − 2 = 10 → [1,4,10,10].
    const m = model(
      graph(
        [node('ConvTranspose', ['x', 'w', 'b'], ['y'], { group: 2, strides: [2, 2], pads: [1, 1, 1, 1], output_padding: [1, 1] })],
        [X([1, 4, 5, 5])],
        [vi('y')],
        [f32('w', [4, 2, 3, 3]), f32('b', [4])],
      ),
    );
    expect(outShapes(m)).toEqual([[1, 4, 10, 10]]);
    expect(countFlops(m).totalFlops).toBe(2 * 100 * 2 * 9 + 400);
    expect(outShapes(m)).toEqual(await ortShapes(m));
  });

  it('Gemm with transB and a bias: 2·M·N·K + M·N', () => {
    const m = model(graph([node('Gemm', ['a', 'w', 'c'], ['y'], { transB: 1 })], [X(['B', 32], 'a')], [vi('y')], [f32('w', [16, 32]), f32('c', [16])]));
    const r = countFlops(m, { batch: 4 });
    expect(outShapes(m, { batch: 4 })).toEqual([[4, 16]]);
    expect(r.totalFlops).toBe(2 * 4 * 16 * 32 + 4 * 16);
    expect(r.flopsPerSample).toBe(2 * 16 * 32 + 16);
    expect(r.batch).toBe(4);
  });

  it('MatMul with broadcast batch dims and with 1-D operands', async () => {
    const m = model(graph([node('MatMul', ['a', 'b'], ['y']), node('MatMul', ['v', 'b2'], ['z'])], [X([2, 1, 8, 16], 'a'), X([3, 16, 4], 'b'), X([16], 'v')], [vi('y'), vi('z')], [f32('b2', [16, 4])]));
    expect(outShapes(m)).toEqual([[2, 3, 8, 4], [4]]);
    expect(countFlops(m).totalFlops).toBe(2 * 192 * 16 + 2 * 4 * 16);
    expect(outShapes(m)).toEqual(await ortShapes(m));
  });

  it('LSTM, bidirectional: dirs·T·B·(8H(I+H) + 10H); GRU and RNN formulas', async () => {
    const T = 5;
    const H = 20;
    const I = 10;
    const lstm = model(
      graph(
        [node('LSTM', ['x', 'W', 'R', 'Bias'], ['Y', 'Y_h', 'Y_c'], { hidden_size: H, direction: 'bidirectional' })],
        [X([T, 'batch', I])],
        [vi('Y'), vi('Y_h'), vi('Y_c')],
        [f32('W', [2, 4 * H, I]), f32('R', [2, 4 * H, H]), f32('Bias', [2, 8 * H])],
      ),
    );
    const r = countFlops(lstm, { batch: 3 });
    const perRow = 8 * H * (I + H) + 10 * H;
    expect(perRow).toBe(5000);
    expect(r.totalFlops).toBe(2 * T * 3 * perRow);
    expect(r.flopsPerSample).toBe(2 * T * perRow);
    expect(outShapes(lstm, { batch: 3 })).toEqual([
      [T, 2, 3, H],
      [2, 3, H],
      [2, 3, H],
    ]);
    expect(outShapes(lstm, { batch: 3 })).toEqual(await ortShapes(lstm, { batch: 3 }));

    const gru = model(graph([node('GRU', ['x', 'W', 'R'], ['Y', 'Y_h'], { hidden_size: H })], [X([T, 2, I])], [vi('Y'), vi('Y_h')], [f32('W', [1, 3 * H, I]), f32('R', [1, 3 * H, H])]));
    expect(countFlops(gru).totalFlops).toBe(T * 2 * (6 * H * (I + H) + 9 * H));
    expect(outShapes(gru)).toEqual(await ortShapes(gru));
    const rnn = model(graph([node('RNN', ['x', 'W', 'R'], ['Y'], { hidden_size: H, layout: 1 })], [X([2, T, I])], [vi('Y')], [f32('W', [1, H, I]), f32('R', [1, H, H])]));
    expect(outShapes(rnn)).toEqual([[2, T, 1, H]]);
    expect(countFlops(rnn).totalFlops).toBe(T * 2 * (2 * H * (I + H) + 2 * H));
  });

  it('Resize by scales and by sizes, and Upsample: |out|', async () => {
    const byScales = model(graph([node('Resize', ['x', '', 'scales'], ['y'], { mode: 'nearest' })], [X([1, 3, 8, 8])], [vi('y')], [f32('scales', [4], [1, 1, 2, 2])]));
    expect(outShapes(byScales)).toEqual([[1, 3, 16, 16]]);
    expect(countFlops(byScales).totalFlops).toBe(3 * 256);
    const bySizes = model(graph([node('Resize', ['x', '', '', 'sizes'], ['y'], { mode: 'linear' })], [X([1, 3, 8, 8])], [vi('y')], [i64('sizes', [4], [1, 3, 5, 7])]));
    expect(countFlops(bySizes).totalFlops).toBe(105);
    const odd = model(graph([node('Resize', ['x', '', 'scales'], ['y'])], [X([1, 1, 7, 5])], [vi('y')], [f32('scales', [4], [1, 1, 0.6, 1.5])]));
    expect(outShapes(odd)).toEqual([[1, 1, 4, 7]]);
    for (const m of [byScales, bySizes, odd]) expect(outShapes(m)).toEqual(await ortShapes(m));
    const up9 = model(graph([node('Upsample', ['x', 'scales'], ['y'])], [X([1, 2, 4, 4])], [vi('y')], [f32('scales', [4], [1, 1, 2, 3])]), 9);
    expect(outShapes(up9)).toEqual([[1, 2, 8, 12]]);
    const up7 = model(graph([node('Upsample', ['x'], ['y'], { scales: { floats: [1, 1, 2, 2] } })], [X([1, 2, 4, 4])], [vi('y')]), 7);
    expect(countFlops(up7).totalFlops).toBe(128);
  });

  it('Pad (input form and the opset-2 attribute form) moves data: 0 FLOPs', async () => {
    const m = model(graph([node('Pad', ['x', 'pads'], ['y'])], [X([1, 3, 4, 4])], [vi('y')], [i64('pads', [8], [0, 0, 1, 2, 0, 0, 3, -1])]));
    expect(outShapes(m)).toEqual([[1, 3, 8, 5]]);
    expect(countFlops(m).totalFlops).toBe(0);
    expect(outShapes(m)).toEqual(await ortShapes(m));
    const old = model(graph([node('Pad', ['x'], ['y'], { pads: [0, 1, 0, 2] })], [X([2, 3])], [vi('y')]), 2);
    expect(outShapes(old)).toEqual([[2, 6]]);
  });

  it('Softmax 3·|out|, LayerNormalization 5·|out|, BatchNormalization 2·|out|', async () => {
    const m = model(
      graph(
        [
          node('Softmax', ['x'], ['s'], { axis: -1 }),
          node('LayerNormalization', ['x', 'g', 'b'], ['l', 'mean'], { axis: -1 }),
          node('BatchNormalization', ['x', 'g5', 'b5', 'g5', 'b5'], ['bn']),
        ],
        [X([2, 5, 8])],
        [vi('s'), vi('l'), vi('mean'), vi('bn')],
        [f32('g', [8]), f32('b', [8]), f32('g5', [5]), f32('b5', [5])],
      ),
    );
    const r = countFlops(m);
    expect(r.ops.Softmax!.flops).toBe(240);
    expect(r.ops.LayerNormalization!.flops).toBe(400);
    expect(r.ops.BatchNormalization!.flops).toBe(160);
    expect(outShapes(m)).toEqual([[2, 5, 8], [2, 5, 8], [2, 5, 1], [2, 5, 8]]);
    expect(outShapes(m)).toEqual(await ortShapes(m));
  });

  it('folds a Shape→Gather→Unsqueeze→Concat→Reshape chain, so the batch flows through to the MatMul', async () => {
    const m = model(
      graph(
        [
          node('Shape', ['x'], ['s']),
          node('Gather', ['s', 'zero'], ['n'], { axis: 0 }),
          node('Unsqueeze', ['n', 'axes0'], ['n1']),
          node('Concat', ['n1', 'minus1'], ['target'], { axis: 0 }),
          node('Reshape', ['x', 'target'], ['flat']),
          node('MatMul', ['flat', 'w'], ['y']),
        ],
        [X(['batch', 3, 4, 4])],
        [vi('y')],
        [i64('zero', [], [0]), i64('axes0', [1], [0]), i64('minus1', [1], [-1]), f32('w', [48, 10])],
      ),
    );
    const r = countFlops(m, { batch: 5 });
    expect(outShapes(m, { batch: 5 })).toEqual([[5, 10]]);
    expect(r.totalFlops).toBe(5 * 960);
    expect(r.flopsPerSample).toBe(960);
    expect(r.fixedFlops).toBe(0);
    expect(r.warnings).toEqual([]);
    expect(outShapes(m, { batch: 5 })).toEqual(await ortShapes(m, { batch: 5 }));
  });

  it('If: the then_branch when the condition is a run-time value (with a warning), the taken branch when it folds', () => {
    const thenG = graph([node('MatMul', ['x', 'w'], ['t'])], [], [vi('t')], [f32('w', [8, 4])], 'then');
    const elseG = graph([node('Relu', ['x'], ['e'])], [], [vi('e')], [], 'else');
    const m = model(graph([node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG }, { name: 'branch' })], [X([1, 8]), vi('cond', [], DataType.BOOL)], [vi('y')]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(2 * 4 * 8);
    expect(r.ops).toEqual({ If: { count: 1, flops: 0 }, MatMul: { count: 1, flops: 64 } });
    expect(r.warnings).toContain('If node "branch": condition is only known at run time; counted the then_branch');
    expect(outShapes(m)).toEqual([[1, 4]]);

    const folded = model(
      graph(
        [node('Shape', ['x'], ['s']), node('Equal', ['s', 'five'], ['eq']), node('ReduceMin', ['eq_i'], ['c0'], { keepdims: 0 }), node('Cast', ['c0'], ['cond'], { to: DataType.BOOL }), node('Cast', ['eq'], ['eq_i'], { to: DataType.INT64 }), node('If', ['cond'], ['y'], { then_branch: thenG, else_branch: elseG })],
        [X([1, 8])],
        [vi('y')],
        [i64('five', [2], [1, 5])],
      ),
    );
    const rf = countFlops(folded);
    expect(rf.ops.Relu).toEqual({ count: 1, flops: 8 });
    expect(rf.ops.MatMul).toBeUndefined();
    expect(rf.warnings.filter((w) => w.includes('then_branch'))).toEqual([]);
  });

  it('Loop: the body is counted once, with a warning', () => {
    const body = graph([node('Add', ['v', 'v'], ['v2']), node('Identity', ['c'], ['c2'])], [vi('i', [], DataType.INT64), vi('c', [], DataType.BOOL), vi('v')], [vi('c2'), vi('v2'), vi('v2')], [], 'body');
    const m = model(graph([node('Loop', ['trip', '', 'x'], ['final', 'scan'], { body }, { name: 'L' })], [X([2, 3])], [vi('final'), vi('scan')], [i64('trip', [], [4])]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(6);
    expect(r.warnings).toContain('Loop node "L": counted the body once (max trip count 4)');
    expect(outShapes(m)).toEqual([
      [2, 3],
      [4, 2, 3],
    ]);
  });

  it('weight-only work is fixed, not per sample: DequantizeLinear of an initializer', () => {
    const m = model(
      graph(
        [node('DequantizeLinear', ['wq', 'scale', 'zp'], ['w']), node('MatMul', ['x', 'w'], ['y'])],
        [X(['B', 16])],
        [vi('y')],
        [u8('wq', [16, 32], new Array(512).fill(3)), f32('scale', [], [0.1]), u8('zp', [], [128])],
      ),
    );
    const r = countFlops(m, { batch: 8 });
    expect(r.fixedFlops).toBe(2 * 512);
    expect(r.flopsPerSample).toBe(2 * 32 * 16);
    expect(r.totalFlops).toBe(1024 + 8 * 1024);
    expect(r.paramsBytes).toBe(512 + 4 + 1);
    expect(r.activationBytesPerSample).toBe(32 * 4);
  });

  it('quantized ops: QuantizeLinear 2·|out|, DynamicQuantizeLinear 4·|x|, MatMulInteger/QLinearMatMul like MatMul, ConvInteger/QLinearConv like Conv', () => {
    const m = model(
      graph(
        [
          node('QuantizeLinear', ['x', 's', 'zp'], ['xq']),
          node('DynamicQuantizeLinear', ['x'], ['dq', 'ds', 'dz']),
          node('MatMulInteger', ['dq', 'wq', 'dz', 'zp'], ['mi']),
          node('QLinearMatMul', ['xq', 's', 'zp', 'wq', 's', 'zp', 's', 'zp'], ['qm']),
          node('ConvInteger', ['img', 'kq'], ['ci']),
          node('QLinearConv', ['img', 's', 'zp', 'kq', 's', 'zp', 's', 'zp', 'kb'], ['qc']),
        ],
        [X([4, 8]), vi('img', [1, 2, 5, 5], DataType.UINT8)],
        [vi('mi'), vi('qm'), vi('ci'), vi('qc')],
        [f32('s', [], [0.5]), u8('zp', [], [0]), u8('wq', [8, 6], new Array(48).fill(1)), u8('kq', [3, 2, 3, 3], new Array(54).fill(1)), { name: 'kb', dataType: DataType.INT32, dims: [3], raw: new Uint8Array(12) }],
      ),
    );
    const r = countFlops(m);
    expect(r.ops.QuantizeLinear!.flops).toBe(64);
    expect(r.ops.DynamicQuantizeLinear!.flops).toBe(128);
    expect(r.ops.MatMulInteger!.flops).toBe(2 * 24 * 8);
    expect(r.ops.QLinearMatMul!.flops).toBe(2 * 24 * 8);
    expect(r.ops.ConvInteger!.flops).toBe(2 * 27 * 18);
    expect(r.ops.QLinearConv!.flops).toBe(2 * 27 * 18 + 27);
    expect(outShapes(m)).toEqual([[4, 6], [4, 6], [1, 3, 3, 3], [1, 3, 3, 3]]);
  });

  it('pools: |out|·prod(kernel), ceil_mode drops a window that starts in the padding; global pools |in|', async () => {
    const m = model(
      graph(
        [
          node('MaxPool', ['x'], ['p1'], { kernel_shape: [3, 3], strides: [2, 2], ceil_mode: 1 }),
          node('MaxPool', ['x'], ['p2'], { kernel_shape: [3, 3], strides: [2, 2] }),
          node('AveragePool', ['x5'], ['p3'], { kernel_shape: [2, 2], strides: [2, 2], pads: [1, 1, 1, 1], ceil_mode: 1 }),
          node('AveragePool', ['x'], ['p4'], { kernel_shape: [3, 3], strides: [3, 3], auto_pad: 'SAME_UPPER' }),
          node('GlobalAveragePool', ['x'], ['g']),
        ],
        [X([1, 2, 8, 8]), X([1, 1, 5, 5], 'x5')],
        [vi('p1'), vi('p2'), vi('p3'), vi('p4'), vi('g')],
      ),
    );
    expect(outShapes(m)).toEqual([
      [1, 2, 4, 4],
      [1, 2, 3, 3],
      [1, 1, 3, 3],
      [1, 2, 3, 3],
      [1, 2, 1, 1],
    ]);
    expect(outShapes(m)).toEqual(await ortShapes(m));
    const r = countFlops(m);
    expect(r.ops.MaxPool!.flops).toBe(32 * 9 + 18 * 9);
    expect(r.ops.AveragePool!.flops).toBe(9 * 4 + 18 * 9);
    expect(r.ops.GlobalAveragePool!.flops).toBe(128);
  });

  it('elementwise ops broadcast and count 1 per output element; shape ops count 0', () => {
    const m = model(
      graph(
        [node('Add', ['a', 'b'], ['s']), node('Relu', ['s'], ['r']), node('Transpose', ['r'], ['t'], { perm: [2, 0, 1] }), node('Where', ['c', 't', 'zero'], ['w'])],
        [X([2, 1, 4], 'a'), X([3, 1], 'b'), vi('c', [4, 1, 1], DataType.BOOL)],
        [vi('w')],
        [f32('zero', [], [0])],
      ),
    );
    const r = countFlops(m);
    expect(outShapes(m)).toEqual([[4, 2, 3]]);
    expect(r.ops).toEqual({ Add: { count: 1, flops: 24 }, Relu: { count: 1, flops: 24 }, Transpose: { count: 1, flops: 0 }, Where: { count: 1, flops: 24 } });
  });

  it('com.microsoft fused ops count as what they fuse', () => {
    const ms = [{ domain: 'com.microsoft', version: 1 }];
    const m = model(
      graph(
        [
          node('FusedConv', ['x', 'w'], ['c'], { activation: 'Relu' }, { domain: 'com.microsoft' }),
          node('FusedMatMul', ['a', 'a'], ['mm'], { transB: 1 }, { domain: 'com.microsoft' }),
          node('SkipLayerNormalization', ['h', 'h', 'g', 'g'], ['ln'], {}, { domain: 'com.microsoft' }),
          node('BiasGelu', ['h', 'g'], ['bg'], {}, { domain: 'com.microsoft' }),
        ],
        [X([1, 2, 4, 4]), X([3, 5], 'a'), X([2, 8], 'h')],
        [vi('c'), vi('mm'), vi('ln'), vi('bg')],
        [f32('w', [4, 2, 3, 3]), f32('g', [8])],
      ),
      17,
      ms,
    );
    const r = countFlops(m);
    expect(outShapes(m)).toEqual([[1, 4, 2, 2], [3, 3], [2, 8], [2, 8]]);
    expect(r.ops['com.microsoft:FusedConv']!.flops).toBe(2 * 16 * 18 + 16);
    expect(r.ops['com.microsoft:FusedMatMul']!.flops).toBe(2 * 9 * 5);
    expect(r.ops['com.microsoft:SkipLayerNormalization']!.flops).toBe(16 * 6);
    expect(r.ops['com.microsoft:BiasGelu']!.flops).toBe(32);
  });
});

describe('never throws, never NaN: what cannot be inferred counts 0 and says why', () => {
  it('an unknown op: listed as not counted, and the nodes after it are summarised', () => {
    const m = model(graph([node('FancyOp', ['x'], ['f'], {}, { name: 'fancy' }), node('Relu', ['f'], ['r']), node('MatMul', ['x', 'w'], ['y'])], [X(['B', 4])], [vi('r'), vi('y')], [f32('w', [4, 4])]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(32);
    expect(r.warnings).toContain('not counted: FancyOp (unknown op; the shapes after it are unknown)');
    expect(r.warnings.some((w) => w.startsWith('1 node(s) after a failed inference were not counted (Relu_r)'))).toBe(true);
  });

  it('a Reshape whose target is computed at run time names the node and the reason', () => {
    const m = model(graph([node('Reshape', ['x', 'shape'], ['y'], {}, { name: 'dyn' }), node('Relu', ['y'], ['z'])], [X([2, 6]), vi('shape', [2], DataType.INT64)], [vi('z')]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(0);
    expect(r.warnings).toContain('Reshape node "dyn": cannot infer its output shape: shape (shape) is computed at run time, not a constant; 0 FLOPs counted');
  });

  it('inconsistent shapes are reported, not thrown', () => {
    const m = model(graph([node('MatMul', ['x', 'w'], ['y'], {}, { name: 'mm' })], [X([2, 5])], [vi('y')], [f32('w', [4, 3])]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(0);
    expect(r.warnings[0]).toMatch(/MatMul node "mm": cannot infer its output shape: inner dimensions differ: \[2,5\] × \[4,3\]/);
    for (const v of [r.totalFlops, r.flopsPerSample, r.fixedFlops, r.activationBytesPerSample]) expect(Number.isFinite(v)).toBe(true);
  });

  it('a graph nested inside itself and a structurally broken Model object', () => {
    const g = graph([], [X([1, 2])], [vi('y')]);
    g.nodes.push(node('If', ['c'], ['y'], { then_branch: g, else_branch: g }, { name: 'loopy' }));
    g.inputs.push(vi('c', [], DataType.BOOL));
    const r = countFlops(model(g));
    expect(r.warnings.some((w) => w.includes('nested deeper than 64 levels'))).toBe(true);
    const broken = { irVersion: 8, opsets: [], graph: { nodes: null } } as unknown as Model;
    expect(countFlops(broken).warnings[0]).toMatch(/^the model could not be analysed/);
  });

  it('an undeclared input rank and an input name that nothing produces', () => {
    const m = model(graph([node('Relu', ['x'], ['y']), node('Add', ['y', 'ghost'], ['z'], {}, { name: 'add' })], [vi('x')], [vi('z')]));
    const r = countFlops(m);
    expect(r.totalFlops).toBe(0);
    expect(r.warnings).toContain('input "x" has no declared shape; give it in shapes');
    const given = countFlops(m, { shapes: { x: [3] } });
    expect(given.ops.Relu!.flops).toBe(3);
    expect(given.warnings).toContain('Add node "add": its input "ghost" is not produced by any node, initializer or graph input; 0 FLOPs counted');
  });
});
