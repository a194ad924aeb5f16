/**
 * Serialises a `Model` to ONNX protobuf bytes (field numbers from onnx.proto). Fields are written in
 * field-number order and repeated scalars unpacked, as protobuf's own proto2 serializer does, so the output
 * matches what the onnx Python package would write for the same message.
 */
import { ProtoWriter } from './protoWrite.ts';
import type { Attribute, Dim, Graph, Model, Node, Tensor, ValueInfo } from './types.ts';

/** AttributeProto.AttributeType values. */
const AttrType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7, STRINGS: 8 } as const;

const utf8 = new TextEncoder();

function writeTensor(w: ProtoWriter, t: Tensor): void {
  for (const d of t.dims) w.varint(1, d); // dims
  w.varint(2, t.dataType); // data_type
  if (t.name) w.string(8, t.name); // name
  w.bytes(9, t.raw); // raw_data
}

function writeDim(w: ProtoWriter, d: Dim): void {
  if (typeof d === 'number') w.varint(1, d); // dim_value
  else if (typeof d === 'string') w.string(2, d); // dim_param
  // null: an empty Dimension (unknown size).
}

function writeValueInfo(w: ProtoWriter, v: ValueInfo): void {
  w.string(1, v.name);
  w.message(2, (type) => {
    type.message(1, (tensorType) => {
      tensorType.varint(1, v.elemType);
      const shape = v.shape;
      if (shape) tensorType.message(2, (s) => shape.forEach((d) => s.message(1, (dim) => writeDim(dim, d))));
    });
  });
}

function writeAttribute(w: ProtoWriter, name: string, a: Attribute): void {
  w.string(1, name);
  switch (a.kind) {
    case 'float':
      w.float(2, a.value);
      w.varint(20, AttrType.FLOAT);
      break;
    case 'int':
      w.varint(3, a.value);
      w.varint(20, AttrType.INT);
      break;
    case 'string':
      w.bytes(4, utf8.encode(a.value));
      w.varint(20, AttrType.STRING);
      break;
    case 'tensor':
      w.message(5, (t) => writeTensor(t, a.value));
      w.varint(20, AttrType.TENSOR);
      break;
    case 'graph':
      w.message(6, (g) => writeGraph(g, a.value));
      w.varint(20, AttrType.GRAPH);
      break;
    case 'floats':
      for (const f of a.value) w.float(7, f);
      w.varint(20, AttrType.FLOATS);
      break;
    case 'ints':
      for (const i of a.value) w.varint(8, i);
      w.varint(20, AttrType.INTS);
      break;
    case 'strings':
      for (const s of a.value) w.bytes(9, utf8.encode(s));
      w.varint(20, AttrType.STRINGS);
      break;
  }
}

function writeNode(w: ProtoWriter, n: Node): void {
  for (const i of n.inputs) w.string(1, i);
  for (const o of n.outputs) w.string(2, o);
  if (n.name) w.string(3, n.name);
  w.string(4, n.opType);
  // Sorted by name, as onnx.helper.make_node does, so the bytes do not depend on insertion order.
  for (const key of Object.keys(n.attributes).sort()) {
    const attr = n.attributes[key];
    if (attr) w.message(5, (a) => writeAttribute(a, key, attr));
  }
  if (n.domain) w.string(7, n.domain);
}

function writeGraph(w: ProtoWriter, g: Graph): void {
  for (const n of g.nodes) w.message(1, (m) => writeNode(m, n));
  w.string(2, g.name);
  for (const t of g.initializers) w.message(5, (m) => writeTensor(m, t));
  for (const v of g.inputs) w.message(11, (m) => writeValueInfo(m, v));
  for (const v of g.outputs) w.message(12, (m) => writeValueInfo(m, v));
  for (const v of g.valueInfo) w.message(13, (m) => writeValueInfo(m, v));
}

/** Encodes a ModelProto. */
export function writeModel(model: Model): Uint8Array {
  const w = new ProtoWriter();
  w.varint(1, model.irVersion);
  if (model.producerName) w.string(2, model.producerName);
  w.message(7, (g) => writeGraph(g, model.graph));
  for (const op of model.opsets) {
    w.message(8, (o) => {
      o.string(1, op.domain);
      o.varint(2, op.version);
    });
  }
  return w.finish();
}
