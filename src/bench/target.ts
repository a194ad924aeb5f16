import { flopSplit } from '../domain/calibration/costSplit.ts';
import { countFlops, parseShape, resolveInputs, type FlopReport } from '../domain/calibration/flops/index.ts';
import { flopsAt, type ModelCost } from '../domain/calibration/predict.ts';
import { readModel } from '../domain/onnx/read.ts';
import type { Model } from '../domain/onnx/types.ts';
import { suiteFeeds } from './calibrate.ts';
import type { FeedSpec } from './runner.ts';
import { buildSuiteModel, suiteSpecs } from './suite/index.ts';

/** A model ready to bench: its bytes, its inputs at any batch size, and what it costs (FLOPs, bytes). */
export interface BenchTarget {
  id: string;
  label: string;
  precision: 'fp32' | 'int8' | 'mixed';
  bytes: Uint8Array;
  cost: ModelCost;
  feedsAt(batch: number): FeedSpec[];
  /** False when no input has a symbolic batch dimension: the model only runs at its fixed shape. */
  batched: boolean;
  /** The FLOP counter's report for files (undefined for suite models, whose counts are analytic). */
  report?: FlopReport;
  model: Model;
  /** Shapes given for symbolic dimensions (files only). */
  shapes: Record<string, number[]>;
}

export const SUITE_PREFIX = 'suite:';

export function suiteTarget(id: string): BenchTarget {
  if (!suiteSpecs().some((s) => s.id === id)) {
    throw new Error(`unknown suite model "${id}"; valid: ${suiteSpecs().map((s) => s.id).join(', ')}`);
  }
  const b = buildSuiteModel(id);
  return {
    id: b.spec.id, label: b.spec.label, precision: b.spec.precision, bytes: b.bytes, batched: true, feedsAt: suiteFeeds(b), model: b.model, shapes: {},
    cost: { flopsPerSample: b.flopsPerSample, fixedFlops: b.fixedFlops, paramsBytes: b.paramsBytes, activationBytesPerSample: b.activationBytesPerSample, split: flopSplit(b.model) },
  };
}

/**
 * `--shape` values: "1x3x224x224" sets the first graph input, "name=1x3x224x224" a named one. A symbolic first
 * dimension still follows --batch (the flop counter's rule), so "1x…" fixes the other dimensions only.
 */
export function shapesFromArgs(model: Model, values: readonly string[]): Record<string, number[]> {
  const inits = new Set(model.graph.initializers.map((t) => t.name));
  const inputs = model.graph.inputs.filter((v) => !inits.has(v.name)).map((v) => v.name);
  const shapes: Record<string, number[]> = {};
  for (const v of values) {
    const eq = v.lastIndexOf('=');
    const name = eq > 0 ? v.slice(0, eq) : inputs[0];
    if (name === undefined) throw new Error('the model has no inputs to give a shape to');
    if (!inputs.includes(name)) throw new Error(`--shape names "${name}", which is not an input; inputs: ${inputs.join(', ')}`);
    shapes[name] = parseShape(eq > 0 ? v.slice(eq + 1) : v);
  }
  return shapes;
}

/** Read and count an .onnx file. Throws with a readable message when the file is not a model or cannot be fed. */
export function onnxTarget(bytes: Uint8Array, id: string, shapeArgs: readonly string[] | Record<string, number[]> = []): BenchTarget {
  const read = readModel(bytes);
  if (!read.ok) throw new Error(`not a readable ONNX model: ${read.error}`);
  const model = read.model;
  const shapes = Array.isArray(shapeArgs) ? shapesFromArgs(model, shapeArgs) : (shapeArgs as Record<string, number[]>);
  const opts = Object.keys(shapes).length ? { shapes } : {};
  const report = countFlops(model, opts);
  const feedsAt = (batch: number): FeedSpec[] => resolveInputs(model, { ...opts, batch }).map((i) => ({ name: i.name, dtype: i.dtype, shape: i.shape }));
  const same = (a: FeedSpec[], b: FeedSpec[]) => a.every((x, i) => x.shape.join('x') === b[i]!.shape.join('x'));
  const batched = !same(feedsAt(1), feedsAt(2));
  return {
    id, label: id, precision: 'mixed', bytes, report, feedsAt, batched, model, shapes,
    cost: { flopsPerSample: report.flopsPerSample, fixedFlops: report.fixedFlops, paramsBytes: report.paramsBytes, activationBytesPerSample: report.activationBytesPerSample, split: flopSplit(model, opts) },
  };
}

/** FLOPs of one batch of the target. */
export const targetFlops = (t: BenchTarget, batch: number): number => flopsAt(t.cost, batch);
