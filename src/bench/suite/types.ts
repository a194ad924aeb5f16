/** The benchmark suite's public types (re-exported from index.ts). */
import type { Model } from '../../domain/onnx/types.ts';

export type SuiteFamily = 'mlp' | 'cnn' | 'transformer' | 'recommender' | 'eltwise' | 'dwconv' | 'matmul' | 'probe';
export type SuiteSize = 's' | 'm' | 'l';
export type SuitePrecision = 'fp32' | 'int8';

export interface SuiteSpec {
  id: string;
  family: SuiteFamily;
  size: SuiteSize;
  precision: SuitePrecision;
  label: string;
  description: string;
}

export interface SuiteInput {
  name: string;
  dtype: 'float32' | 'int64';
  shape: (number | 'batch')[];
  /** Exclusive upper bound for int64 ids. */
  maxValue?: number;
}

export interface BuiltModel {
  spec: SuiteSpec;
  model: Model;
  /** The serialised .onnx file. */
  bytes: Uint8Array;
  inputs: SuiteInput[];
  flopsPerSample: number;
  /** Work that does not grow with the batch (e.g. dequantizing int8 weights). */
  fixedFlops: number;
  paramsBytes: number;
  activationBytesPerSample: number;
}

/** What a family module provides: its specs (cheap) and a builder for one of them. */
export interface SuiteFamilyModule {
  specs(): SuiteSpec[];
  build(spec: SuiteSpec): BuiltModel;
}
