import { DataType } from '../../../onnx/types.ts';
import { broadcastTo } from '../nd.ts';
import { input, type OpCtx, type OpResult, type OpRule } from '../opContext.ts';
import { broadcast, castNumber, isIntegerType, numel, type Val } from '../value.ts';

type Fold = (...x: number[]) => number;

const cmp = (f: (a: number, b: number) => boolean): Fold => (a, b) => (f(a!, b!) ? 1 : 0);

/** Scalar semantics, used only to fold small constant tensors (shape arithmetic, masks). */
const FOLDS: Record<string, Fold> = {
  Add: (a, b) => a! + b!,
  Sub: (a, b) => a! - b!,
  Mul: (a, b) => a! * b!,
  Div: (a, b) => a! / b!,
  Pow: (a, b) => a! ** b!,
  Mod: (a, b) => a! % b!,
  Max: (...x) => Math.max(...x),
  Min: (...x) => Math.min(...x),
  Sum: (...x) => x.reduce((s, v) => s + v, 0),
  Mean: (...x) => x.reduce((s, v) => s + v, 0) / x.length,
  Neg: (a) => -a!,
  Abs: (a) => Math.abs(a!),
  Sqrt: (a) => Math.sqrt(a!),
  Reciprocal: (a) => 1 / a!,
  Exp: (a) => Math.exp(a!),
  Log: (a) => Math.log(a!),
  Floor: (a) => Math.floor(a!),
  Ceil: (a) => Math.ceil(a!),
  Round: (a) => {
    const r = Math.round(a!);
    return Math.abs(a! % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r; // half to even
  },
  Sign: (a) => Math.sign(a!),
  Relu: (a) => Math.max(0, a!),
  Equal: cmp((a, b) => a === b),
  Greater: cmp((a, b) => a > b),
  Less: cmp((a, b) => a < b),
  GreaterOrEqual: cmp((a, b) => a >= b),
  LessOrEqual: cmp((a, b) => a <= b),
  And: cmp((a, b) => !!a && !!b),
  Or: cmp((a, b) => !!a || !!b),
  Xor: cmp((a, b) => !!a !== !!b),
  Not: (a) => (a ? 0 : 1),
  Where: (c, x, y) => (c ? x! : y!),
  Clip: (x, lo, hi) => Math.min(Math.max(x!, lo ?? -Infinity), hi ?? Infinity),
};

/** One FLOP per output element (the conventions' elementwise list). */
export const COUNTED_ELEMENTWISE = [
  'Add', 'Sub', 'Mul', 'Div', 'Pow', 'Sqrt', 'Reciprocal', 'Exp', 'Log', 'Neg', 'Abs', 'Relu', 'LeakyRelu', 'PRelu', 'Sigmoid',
  'HardSigmoid', 'HardSwish', 'Tanh', 'Erf', 'Clip', 'Max', 'Min', 'Mean', 'Sum', 'Where', 'Equal', 'Greater', 'Less', 'Not', 'And',
  'Or', 'Floor', 'Ceil', 'Round', 'Sign', 'Sin', 'Cos', 'Softplus', 'Elu', 'Selu', 'Gelu', 'Mish',
] as const;

/** Elementwise too, so their shapes are inferred, but the conventions give them no FLOP count. */
export const UNCOUNTED_ELEMENTWISE = [
  'GreaterOrEqual', 'LessOrEqual', 'Xor', 'Mod', 'BitShift', 'IsNaN', 'IsInf', 'Softsign', 'ThresholdedRelu', 'Celu', 'Tan', 'Asin',
  'Acos', 'Atan', 'Sinh', 'Cosh', 'Asinh', 'Acosh', 'Atanh', 'Shrink', 'BitwiseAnd', 'BitwiseOr', 'BitwiseXor', 'BitwiseNot',
] as const;

const BOOL_OUT = new Set(['Equal', 'Greater', 'Less', 'GreaterOrEqual', 'LessOrEqual', 'Not', 'And', 'Or', 'Xor', 'IsNaN', 'IsInf']);

/** Broadcast shape, output type, and the folded values when every input is a small constant. */
export function elementwise(ctx: OpCtx, op: string, fold: Fold | undefined = FOLDS[op]): Val & { shape: number[] } {
  const present = ctx.inputs.map((v, i) => (v ? input(ctx, i) : undefined));
  const first = present.find((v) => v !== undefined);
  if (!first) throw new Error(`${op} has no inputs`);
  // Clip's min/max are scalars and must not shape the output; everywhere else all inputs broadcast together.
  const shaping = op === 'Clip' ? [first] : present.filter((v) => v !== undefined);
  const shape = broadcast(...shaping.map((v) => v.shape));
  const dtype = BOOL_OUT.has(op) ? DataType.BOOL : op === 'Where' ? (present[1]?.dtype ?? first.dtype) : first.dtype;
  const out: Val & { shape: number[] } = { dtype, shape };
  if (fold && present.every((v) => !v || v.data)) {
    // Clip's bounds are scalars; everything else is expanded to the output shape.
    const cols = present.map((v) => (v ? (op === 'Clip' && v !== first ? v.data : broadcastTo(v.data!, v.shape, shape)) : undefined));
    if (cols.every((c, i) => c !== undefined || present[i] === undefined)) {
      const n = numel(shape);
      const intDiv = op === 'Div' && isIntegerType(first.dtype);
      const data = new Array<number>(n);
      for (let k = 0; k < n; k++) {
        const args = cols.map((c) => (c ? (c.length === 1 ? c[0] : c[k]) : undefined)) as number[];
        const r = fold(...args);
        data[k] = castNumber(intDiv ? Math.trunc(r) : r, dtype);
      }
      out.data = data;
    }
  }
  return out;
}

export const elementwiseRule =
  (op: string, counted: boolean): OpRule =>
  (ctx): OpResult => {
    const out = elementwise(ctx, op);
    return { outputs: [out], flops: counted ? numel(out.shape) : 0, uncounted: !counted };
  };

