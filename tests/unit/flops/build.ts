/** Helpers to write small ONNX graphs directly as Model objects in tests. */
import { DataType, type Attribute, type Dim, type Graph, type Model, type Node, type Tensor, type ValueInfo } from '../../../src/domain/onnx/types.ts';

export function f32(name: string, dims: number[], values?: number[]): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  const arr = new Float32Array(n);
  if (values) arr.set(values);
  return { name, dataType: DataType.FLOAT, dims, raw: new Uint8Array(arr.buffer) };
}

export function i64(name: string, dims: number[], values: number[]): Tensor {
  return { name, dataType: DataType.INT64, dims, raw: new Uint8Array(BigInt64Array.from(values.map((v) => BigInt(v))).buffer) };
}

export function u8(name: string, dims: number[], values: number[]): Tensor {
  return { name, dataType: DataType.UINT8, dims, raw: Uint8Array.from(values) };
}

export const vi = (name: string, shape?: Dim[], elemType: number = DataType.FLOAT): ValueInfo => (shape ? { name, elemType, shape } : { name, elemType });

type AttrIn = number | string | number[] | Tensor | Graph | { float: number } | { floats: number[] };

function toAttr(v: AttrIn): Attribute {
  if (typeof v === 'number') return { kind: 'int', value: v };
  if (typeof v === 'string') return { kind: 'string', value: v };
  if (Array.isArray(v)) return { kind: 'ints', value: v };
  if ('float' in v) return { kind: 'float', value: v.float };
  if ('floats' in v) return { kind: 'floats', value: v.floats };
  if ('raw' in v) return { kind: 'tensor', value: v };
  return { kind: 'graph', value: v };
}

export function node(opType: string, inputs: string[], outputs: string[], attrs: Record<string, AttrIn> = {}, extra: Partial<Node> = {}): Node {
  const attributes: Record<string, Attribute> = {};
  for (const [k, v] of Object.entries(attrs)) attributes[k] = toAttr(v);
  return { name: extra.name ?? `${opType}_${outputs[0]}`, opType, inputs, outputs, attributes, ...extra };
}

export function graph(nodes: Node[], inputs: ValueInfo[], outputs: ValueInfo[], initializers: Tensor[] = [], name = 'g'): Graph {
  return { name, nodes, initializers, inputs, outputs, valueInfo: [] };
}

export function model(g: Graph, opset = 17, extraOpsets: { domain: string; version: number }[] = []): Model {
  return { irVersion: 8, opsets: [{ domain: '', version: opset }, ...extraOpsets], producerName: 'test', graph: g };
}
