import { DataType, type DataTypeId, type Dim, type Model } from '../../onnx/types.ts';
import type { Val } from './value.ts';

export interface CountOptions {
  /** The batch size: the value of every batch dimension (default 1). */
  batch?: number;
  /**
   * Shapes per graph input, overriding the declared ones. For an input with a batch dimension that dimension still
   * follows `batch`; the override's own value is used as the batch only when `batch` is not given.
   */
  shapes?: Record<string, number[]>;
}

export type InputDtype = 'float32' | 'float16' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool' | 'float64';

export interface ResolvedInput {
  name: string;
  dtype: InputDtype;
  shape: number[];
}

const DTYPE_NAMES: Partial<Record<number, InputDtype>> = {
  [DataType.FLOAT]: 'float32',
  [DataType.FLOAT16]: 'float16',
  [DataType.INT64]: 'int64',
  [DataType.INT32]: 'int32',
  [DataType.INT8]: 'int8',
  [DataType.UINT8]: 'uint8',
  [DataType.BOOL]: 'bool',
  [DataType.DOUBLE]: 'float64',
};

/** One graph input, with the axes that carry the batch. */
export interface PlannedInput {
  name: string;
  elemType: DataTypeId;
  /** Shape at the plan's batch; undefined when the rank is unknown and no override was given. */
  shape?: number[];
  batchAxes: number[];
}

export interface InputPlan {
  batch: number;
  inputs: PlannedInput[];
  /** True when some input has a symbolic batch dimension, so per-sample numbers can be taken. */
  batched: boolean;
  warnings: string[];
}

const isConcrete = (d: Dim | undefined): d is number => typeof d === 'number' && d > 0;

/**
 * Decides concrete input shapes. The batch axes are the first dimension of every input whose first dimension is
 * symbolic or unknown, plus any dimension that shares its dim_param name (an RNN state [2, 'batch', 64]) or has
 * "batch" in its name (a sequence-first input ['seq', 'batch', 80]).
 * Other symbolic dimensions take the `shapes` override, or 1 with a warning.
 */
export function planInputs(model: Model, opts: CountOptions = {}): InputPlan {
  const g = model.graph;
  const inits = new Set(g.initializers.map((t) => t.name));
  const declared = g.inputs.filter((v) => !inits.has(v.name));
  const warnings: string[] = [];
  const shapes = opts.shapes ?? {};

  const batchNames = new Set<string>();
  for (const v of declared) if (typeof v.shape?.[0] === 'string') batchNames.add(v.shape[0]);
  const isBatchName = (d: Dim | undefined) => typeof d === 'string' && (batchNames.has(d) || /batch/i.test(d));
  const axesOf = (shape: Dim[] | undefined): number[] => (shape ?? []).flatMap((d, i) => ((i === 0 && !isConcrete(d)) || isBatchName(d) ? [i] : []));

  for (const name of Object.keys(shapes)) {
    if (!declared.some((v) => v.name === name)) warnings.push(`shapes names "${name}", which is not a graph input; ignored`);
  }
  const valid = (s: number[] | undefined): s is number[] => Array.isArray(s) && s.every((d) => Number.isInteger(d) && d >= 0);
  for (const v of declared) {
    if (shapes[v.name] !== undefined && !valid(shapes[v.name])) warnings.push(`the shape given for input "${v.name}" is not a list of non-negative integers; ignored`);
  }
  const override = (name: string): number[] | undefined => (valid(shapes[name]) ? shapes[name] : undefined);

  let batch = opts.batch;
  if (batch !== undefined && (!Number.isInteger(batch) || batch < 1)) {
    warnings.push(`batch ${batch} is not a positive integer; using 1`);
    batch = 1;
  }
  if (batch === undefined) {
    for (const v of declared) {
      const o = override(v.name);
      const axis = axesOf(v.shape)[0];
      if (o && axis !== undefined && o[axis] !== undefined) {
        batch = o[axis];
        break;
      }
    }
  }
  const b = batch ?? 1;

  const inputs = declared.map((v): PlannedInput => {
    const batchAxes = axesOf(v.shape);
    const o = override(v.name);
    if (o) {
      if (v.shape && v.shape.length !== o.length) warnings.push(`input "${v.name}" is declared with rank ${v.shape.length} but was given rank ${o.length}`);
      const shape = [...o];
      for (const a of batchAxes) if (a < shape.length) shape[a] = b;
      return { name: v.name, elemType: v.elemType, shape, batchAxes: batchAxes.filter((a) => a < shape.length) };
    }
    if (!v.shape) {
      warnings.push(`input "${v.name}" has no declared shape; give it in shapes`);
      return { name: v.name, elemType: v.elemType, batchAxes: [] };
    }
    const guessed: string[] = [];
    const shape = v.shape.map((d, i) => {
      if (batchAxes.includes(i)) return b;
      if (isConcrete(d)) return d;
      guessed.push(`axis ${i}${typeof d === 'string' ? ` ("${d}")` : ''}`);
      return 1;
    });
    if (guessed.length) warnings.push(`input "${v.name}": symbolic ${guessed.join(', ')} assumed 1; give its shape in shapes`);
    return { name: v.name, elemType: v.elemType, shape, batchAxes };
  });
  return { batch: b, inputs, batched: inputs.some((i) => i.batchAxes.length > 0), warnings };
}

/** The plan's inputs with every batch axis set to `batch`, as values for the inference engine. */
export function bindInputs(plan: InputPlan, batch: number): Map<string, Val> {
  const m = new Map<string, Val>();
  for (const i of plan.inputs) {
    const v: Val = { dtype: i.elemType };
    if (i.shape) {
      const shape = [...i.shape];
      for (const a of i.batchAxes) shape[a] = batch;
      v.shape = shape;
    }
    m.set(i.name, v);
  }
  return m;
}

/**
 * Graph inputs that are not initializers, with concrete shapes, for building benchmark feeds.
 * Throws when an input has no usable shape or a type that cannot be fed (say so to the user; countFlops never throws).
 */
export function resolveInputs(model: Model, opts: CountOptions = {}): ResolvedInput[] {
  const plan = planInputs(model, opts);
  return plan.inputs.map((i) => {
    const dtype = DTYPE_NAMES[i.elemType];
    if (!dtype) throw new Error(`input "${i.name}" has element type ${i.elemType}, which cannot be fed`);
    if (!i.shape) throw new Error(`input "${i.name}" has no declared shape; give it in shapes`);
    return { name: i.name, dtype, shape: i.shape };
  });
}
