/**
 * A plain-object view of an ONNX model: what the writer emits and the reader returns. Only the parts of
 * onnx.proto that the benchmark suite, the FLOP counter and shape inference need; everything else is skipped on read.
 */

/** TensorProto.DataType numbers from onnx.proto. */
export const DataType = {
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  BFLOAT16: 16,
} as const;
export type DataTypeId = (typeof DataType)[keyof typeof DataType] | number;

/** A dimension: a number, or a symbolic name such as 'batch' (dim_param), or null when neither is set. */
export type Dim = number | string | null;

export interface ValueInfo {
  name: string;
  elemType: DataTypeId;
  /** Undefined when the type carries no shape at all (rank unknown). */
  shape?: Dim[];
}

export interface Tensor {
  name: string;
  dataType: DataTypeId;
  dims: number[];
  /** Little-endian raw bytes (raw_data). Readers also fill this from float_data / int32_data / int64_data. */
  raw: Uint8Array;
}

export type Attribute =
  | { kind: 'float'; value: number }
  | { kind: 'int'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'tensor'; value: Tensor }
  | { kind: 'graph'; value: Graph }
  | { kind: 'floats'; value: number[] }
  | { kind: 'ints'; value: number[] }
  | { kind: 'strings'; value: string[] };

export interface Node {
  name?: string;
  opType: string;
  /** '' or undefined is the default ai.onnx domain. */
  domain?: string;
  /** An empty string marks an optional input that is left out. */
  inputs: string[];
  outputs: string[];
  attributes: Record<string, Attribute>;
}

export interface Graph {
  name: string;
  nodes: Node[];
  initializers: Tensor[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  valueInfo: ValueInfo[];
}

export interface OpsetImport {
  domain: string;
  version: number;
}

export interface Model {
  irVersion: number;
  opsets: OpsetImport[];
  producerName?: string;
  graph: Graph;
}
