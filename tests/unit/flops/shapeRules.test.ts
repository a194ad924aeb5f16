import { describe, expect, it } from 'vitest';
import { inferShapes, resolveInputs } from '../../../src/domain/calibration/flops/index.ts';
import { DataType, type Model } from '../../../src/domain/onnx/types.ts';
import { f32, graph, i64, model, node, vi } from './build.ts';
import { encodeModel } from './encodeOnnx.ts';
import { runProfiled } from './ortProfile.ts';

interface Case {
  name: string;
  model: Model;
  shapes: number[][];
  /** Folded values of the outputs where the test cares. */
  data?: (number[] | undefined)[];
  /** Set when onnxruntime cannot run the graph as written (old opsets it dropped). */
  noOrt?: boolean;
}

const x = (shape: number[], name = 'x', t: number = DataType.FLOAT) => vi(name, shape, t);
/** Output value infos; 'name:7' declares an int64 output (ORT checks declared output types). */
const outs = (...names: string[]) => names.map((n) => (n.includes(':') ? vi(n.split(':')[0]!, undefined, Number(n.split(':')[1])) : vi(n)));

const CASES: Case[] = [
  {
    name: 'Reshape with 0 (copy) and -1 (infer)',
    model: model(graph([node('Reshape', ['x', 's'], ['y'])], [x([2, 3, 4])], outs('y'), [i64('s', [3], [0, -1, 2])])),
    shapes: [[2, 6, 2]],
  },
  {
    name: 'Reshape with allowzero keeps a literal 0',
    model: model(
      graph([node('Slice', ['x', 'zero', 'zero'], ['empty']), node('Reshape', ['empty', 's'], ['y'], { allowzero: 1 })], [x([3, 4])], outs('empty', 'y'), [i64('zero', [1], [0]), i64('s', [2], [4, 0])]),
    ),
    shapes: [
      [0, 4],
      [4, 0],
    ],
  },
  {
    name: 'Flatten at a negative axis',
    model: model(graph([node('Flatten', ['x'], ['y'], { axis: -2 })], [x([2, 3, 4, 5])], outs('y'))),
    shapes: [[6, 20]],
  },
  {
    name: 'Squeeze/Unsqueeze, input form (opset 13+)',
    model: model(graph([node('Squeeze', ['x', 'a'], ['s']), node('Unsqueeze', ['s', 'b'], ['u']), node('Squeeze', ['u'], ['all'])], [x([1, 3, 1, 4])], outs('s', 'u', 'all'), [i64('a', [1], [-2]), i64('b', [2], [0, -1])])),
    shapes: [
      [1, 3, 4],
      [1, 1, 3, 4, 1],
      [3, 4],
    ],
  },
  {
    name: 'Squeeze/Unsqueeze, attribute form (opset 11)',
    model: model(graph([node('Squeeze', ['x'], ['s'], { axes: [0] }), node('Unsqueeze', ['s'], ['u'], { axes: [1, 3] })], [x([1, 3, 4])], outs('s', 'u')), 11),
    shapes: [
      [3, 4],
      [3, 1, 4, 1],
    ],
  },
  {
    name: 'Concat on a negative axis',
    model: model(graph([node('Concat', ['x', 'x2'], ['y'], { axis: -1 })], [x([2, 3]), x([2, 5], 'x2')], outs('y'))),
    shapes: [[2, 8]],
  },
  {
    name: 'Split: sizes as input (13+), num_outputs (18) uneven',
    model: model(
      graph([node('Split', ['x', 'sz'], ['a', 'b'], { axis: 1 }), node('Split', ['x'], ['f', 'g'], { axis: 1, num_outputs: 2 })], [x([2, 9])], outs('a', 'b', 'f', 'g'), [i64('sz', [2], [2, 7])]),
      18,
    ),
    shapes: [
      [2, 2],
      [2, 7],
      [2, 5],
      [2, 4],
    ],
  },
  {
    name: 'Split: attribute form and equal parts (opset 11)',
    model: model(graph([node('Split', ['x'], ['a', 'b'], { axis: 0, split: [1, 5] }), node('Split', ['x'], ['c', 'd', 'e'], { axis: 0 })], [x([6, 2])], outs('a', 'b', 'c', 'd', 'e')), 11),
    shapes: [
      [1, 2],
      [5, 2],
      [2, 2],
      [2, 2],
      [2, 2],
    ],
  },
  {
    name: 'Slice with negative indexes, negative and positive steps, INT64 max ends',
    model: model(
      graph(
        [node('Slice', ['x', 'st', 'en', 'ax', 'sp'], ['y']), node('Slice', ['x', 'st2', 'en2'], ['z'])],
        [x([10, 20])],
        outs('y', 'z'),
        [i64('st', [2], [-1, 0]), i64('en', [2], [-11, 20]), i64('ax', [2], [0, -1]), i64('sp', [2], [-2, 3]), i64('st2', [1], [-3]), i64('en2', [1], [Number.MAX_SAFE_INTEGER])],
      ),
    ),
    shapes: [
      [5, 7],
      [3, 20],
    ],
  },
  {
    name: 'Slice, attribute form (opset 9)',
    model: model(graph([node('Slice', ['x'], ['y'], { starts: [1, -4], ends: [1000, -1], axes: [0, 1] })], [x([3, 10])], outs('y')), 9),
    shapes: [[2, 3]],
  },
  {
    name: 'Gather with scalar and 2-D indices; GatherElements',
    model: model(
      graph(
        [node('Gather', ['x', 'i0'], ['a'], { axis: 1 }), node('Gather', ['x', 'i2'], ['b'], { axis: -1 }), node('GatherElements', ['x', 'ie'], ['c'], { axis: 2 })],
        [x([2, 3, 4])],
        outs('a', 'b', 'c'),
        [i64('i0', [], [-1]), i64('i2', [2, 2], [0, 1, 3, -1]), i64('ie', [2, 3, 1], [0, 1, 2, 3, 0, 1])],
      ),
    ),
    shapes: [
      [2, 4],
      [2, 3, 2, 2],
      [2, 3, 1],
    ],
  },
  {
    name: 'ConstantOfShape, Range, Expand, Tile, Cast, Constant (value_ints, value_float)',
    model: model(
      graph(
        [
          node('Constant', [], ['dims'], { value_ints: [2, 3] }),
          node('ConstantOfShape', ['dims'], ['z'], { value: i64('v', [1], [7]) }),
          node('Constant', [], ['half'], { value_float: { float: 0.5 } }),
          node('Range', ['r0', 'r1', 'r2'], ['r']),
          node('Expand', ['x', 'e'], ['ex']),
          node('Tile', ['x', 't'], ['ti']),
          node('Cast', ['r'], ['rf'], { to: DataType.FLOAT }),
          node('Mul', ['rf', 'half'], ['rh']),
        ],
        [x([3, 1])],
        outs('z:7', 'r:7', 'ex', 'ti', 'rh'),
        [i64('r0', [], [10]), i64('r1', [], [1]), i64('r2', [], [-3]), i64('e', [3], [2, 1, 4]), i64('t', [2], [2, 3])],
      ),
    ),
    shapes: [[2, 3], [3], [2, 3, 4], [6, 3], [3]],
    data: [[7, 7, 7, 7, 7, 7], [10, 7, 4], undefined, undefined, [5, 3.5, 2]],
  },
  {
    name: 'ReduceMean with the axes attribute, ReduceSum with the axes input, keepdims 0',
    model: model(
      graph([node('ReduceMean', ['x'], ['m'], { axes: [1, -1] }), node('ReduceSum', ['x', 'ax'], ['s'], { keepdims: 0 }), node('ReduceMax', ['x'], ['all'], { keepdims: 0 })], [x([2, 3, 4])], outs('m', 's', 'all'), [i64('ax', [1], [0])]),
      13,
    ),
    shapes: [[2, 1, 1], [3, 4], []],
  },
  {
    name: 'Clip (min/max inputs), Dropout with mask, Identity, ArgMax, TopK',
    model: model(
      graph(
        [node('Clip', ['x', 'lo', ''], ['c']), node('Dropout', ['c'], ['d', 'mask']), node('Identity', ['d'], ['i']), node('ArgMax', ['i'], ['am'], { axis: 1, keepdims: 0 }), node('TopK', ['i', 'k'], ['tv', 'ti'], { axis: -1 })],
        [x([2, 5])],
        outs('mask:9', 'am:7', 'tv', 'ti:7'),
        [f32('lo', [], [0]), i64('k', [1], [3])],
      ),
    ),
    shapes: [[2, 5], [2], [2, 3], [2, 3]],
  },
  {
    name: 'shape arithmetic folds: Shape → Slice → ReduceProd → Concat → Reshape',
    model: model(
      graph(
        [
          node('Shape', ['x'], ['s']),
          node('Slice', ['s', 'one', 'big'], ['tail']),
          node('ReduceProd', ['tail'], ['p'], { keepdims: 1 }),
          node('Gather', ['s', 'zero'], ['n']),
          node('Unsqueeze', ['n', 'zero1'], ['n1']),
          node('Concat', ['n1', 'p'], ['target'], { axis: 0 }),
          node('Reshape', ['x', 'target'], ['y']),
          node('Div', ['p', 'two'], ['halfp']),
        ],
        [x([2, 3, 5, 7])],
        outs('y', 'halfp:7'),
        [i64('one', [1], [1]), i64('big', [1], [100]), i64('zero', [], [0]), i64('zero1', [1], [0]), i64('two', [], [2])],
      ),
      17,
    ),
    shapes: [[2, 105], [1]],
    data: [undefined, [52]],
  },
];

describe('shape rules, checked against onnxruntime', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const inf = inferShapes(c.model);
      expect(inf.warnings.filter((w) => !w.startsWith('not counted'))).toEqual([]);
      expect(inf.outputs.map((v) => v?.shape)).toEqual(c.shapes);
      c.data?.forEach((d, i) => d && expect(inf.outputs[i]?.data).toEqual(d));
      if (c.noOrt) return;
      const r = await runProfiled(encodeModel(c.model), resolveInputs(c.model));
      expect(c.model.graph.outputs.map((o) => r.outputs[o.name])).toEqual(c.shapes);
    });
  }
});
