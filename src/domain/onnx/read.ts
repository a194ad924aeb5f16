import { ProtoError, ProtoReader, WireType } from './protoRead.ts';
import { DataType, type Attribute, type DataTypeId, type Dim, type Graph, type Model, type Node, type OpsetImport, type Tensor, type ValueInfo } from './types.ts';

/** Field numbers from onnx.proto (checked against onnx 1.16). Only the fields the app uses; the rest are skipped. */
const F = {
  model: { irVersion: 1, producerName: 2, graph: 7, opsetImport: 8 },
  opset: { domain: 1, version: 2 },
  graph: { node: 1, name: 2, initializer: 5, input: 11, output: 12, valueInfo: 13 },
  node: { input: 1, output: 2, name: 3, opType: 4, attribute: 5, domain: 7 },
  attr: { name: 1, f: 2, i: 3, s: 4, t: 5, g: 6, floats: 7, ints: 8, strings: 9, type: 20 },
  tensor: { dims: 1, dataType: 2, floatData: 4, int32Data: 5, int64Data: 7, name: 8, rawData: 9, doubleData: 10, uint64Data: 11, externalData: 13, dataLocation: 14 },
  valueInfo: { name: 1, type: 2 },
  typeProto: { tensorType: 1 },
  tensorType: { elemType: 1, shape: 2 },
  shape: { dim: 1 },
  dim: { value: 1, param: 2 },
} as const;

/** AttributeProto.AttributeType values that map onto the Attribute kinds we keep. */
const ATTR_KIND: Record<number, Attribute['kind']> = { 1: 'float', 2: 'int', 3: 'string', 4: 'tensor', 5: 'graph', 6: 'floats', 7: 'ints', 8: 'strings' };

/** Subgraphs (If/Loop bodies) nest; a cap keeps hostile input from exhausting the stack. */
const MAX_GRAPH_DEPTH = 32;

/** Bytes per element, 0 for strings and unknown types. */
export function elementSize(dataType: DataTypeId): number {
  switch (dataType) {
    case DataType.FLOAT:
    case DataType.INT32:
    case DataType.UINT32:
      return 4;
    case DataType.DOUBLE:
    case DataType.INT64:
    case DataType.UINT64:
      return 8;
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
    case DataType.INT16:
    case DataType.UINT16:
      return 2;
    case DataType.UINT8:
    case DataType.INT8:
    case DataType.BOOL:
    case 17: // FLOAT8E4M3FN and friends
    case 18:
    case 19:
    case 20:
      return 1;
    default:
      return 0;
  }
}

class ReadError extends Error {}

const utf8 = new TextDecoder();

/** Decodes an ONNX ModelProto. Never throws: malformed input comes back as { ok: false, error }. */
export function readModel(bytes: Uint8Array): { ok: true; model: Model } | { ok: false; error: string } {
  try {
    const model = readModelProto(new ProtoReader(bytes));
    return { ok: true, model };
  } catch (err) {
    if (err instanceof ProtoError) return { ok: false, error: `not a valid ONNX file: ${err.message}` };
    if (err instanceof ReadError) return { ok: false, error: err.message };
    if (err instanceof RangeError) return { ok: false, error: `not a valid ONNX file: ${err.message}` };
    throw err;
  }
}

function readModelProto(r: ProtoReader): Model {
  let irVersion = 0;
  let producerName: string | undefined;
  let graph: Graph | undefined;
  const opsets: OpsetImport[] = [];
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.model.irVersion && wire === WireType.VARINT) irVersion = r.int64();
    else if (field === F.model.producerName && wire === WireType.LEN) producerName = r.string();
    else if (field === F.model.graph && wire === WireType.LEN) graph = readGraph(r.message(), 0);
    else if (field === F.model.opsetImport && wire === WireType.LEN) opsets.push(readOpset(r.message()));
    else r.skip(wire);
  }
  if (!graph) throw new ReadError('not an ONNX model: it has no graph');
  const model: Model = { irVersion, opsets, graph };
  if (producerName !== undefined) model.producerName = producerName;
  return model;
}

function readOpset(r: ProtoReader): OpsetImport {
  let domain = '';
  let version = 0;
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.opset.domain && wire === WireType.LEN) domain = r.string();
    else if (field === F.opset.version && wire === WireType.VARINT) version = r.int64();
    else r.skip(wire);
  }
  return { domain, version };
}

function readGraph(r: ProtoReader, depth: number): Graph {
  if (depth > MAX_GRAPH_DEPTH) throw new ReadError(`subgraphs nested deeper than ${MAX_GRAPH_DEPTH} levels`);
  const g: Graph = { name: '', nodes: [], initializers: [], inputs: [], outputs: [], valueInfo: [] };
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (wire !== WireType.LEN) {
      r.skip(wire);
      continue;
    }
    switch (field) {
      case F.graph.node:
        g.nodes.push(readNode(r.message(), depth));
        break;
      case F.graph.name:
        g.name = r.string();
        break;
      case F.graph.initializer:
        g.initializers.push(readTensor(r.message()));
        break;
      case F.graph.input:
        g.inputs.push(readValueInfo(r.message()));
        break;
      case F.graph.output:
        g.outputs.push(readValueInfo(r.message()));
        break;
      case F.graph.valueInfo:
        g.valueInfo.push(readValueInfo(r.message()));
        break;
      default:
        r.skip(wire);
    }
  }
  return g;
}

function readNode(r: ProtoReader, depth: number): Node {
  const node: Node = { opType: '', inputs: [], outputs: [], attributes: {} };
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (wire !== WireType.LEN) {
      r.skip(wire);
      continue;
    }
    switch (field) {
      case F.node.input:
        node.inputs.push(r.string());
        break;
      case F.node.output:
        node.outputs.push(r.string());
        break;
      case F.node.name:
        node.name = r.string();
        break;
      case F.node.opType:
        node.opType = r.string();
        break;
      case F.node.domain:
        node.domain = r.string();
        break;
      case F.node.attribute: {
        const a = readAttribute(r.message(), depth);
        if (a) node.attributes[a.name] = a.attr;
        break;
      }
      default:
        r.skip(wire);
    }
  }
  return node;
}

function readAttribute(r: ProtoReader, depth: number): { name: string; attr: Attribute } | undefined {
  let name = '';
  let type = 0;
  let f: number | undefined;
  let i: number | undefined;
  let s: string | undefined;
  let t: Tensor | undefined;
  let g: Graph | undefined;
  const floats: number[] = [];
  const ints: number[] = [];
  const strings: string[] = [];
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.attr.name && wire === WireType.LEN) name = r.string();
    else if (field === F.attr.type && wire === WireType.VARINT) type = r.int64();
    else if (field === F.attr.f && wire === WireType.I32) f = r.float();
    else if (field === F.attr.i && wire === WireType.VARINT) i = r.int64();
    else if (field === F.attr.s && wire === WireType.LEN) s = r.string();
    else if (field === F.attr.t && wire === WireType.LEN) t = readTensor(r.message());
    else if (field === F.attr.g && wire === WireType.LEN) g = readGraph(r.message(), depth + 1);
    else if (field === F.attr.floats && (wire === WireType.I32 || wire === WireType.LEN)) r.repeatedFloat(wire, floats);
    else if (field === F.attr.ints && (wire === WireType.VARINT || wire === WireType.LEN)) r.repeatedInt64(wire, ints);
    else if (field === F.attr.strings && wire === WireType.LEN) strings.push(r.string());
    else r.skip(wire);
  }
  // Old exporters leave `type` unset; then the populated field decides.
  let kind: Attribute['kind'] | undefined = ATTR_KIND[type];
  if (type === 0) {
    if (floats.length) kind = 'floats';
    else if (ints.length) kind = 'ints';
    else if (strings.length) kind = 'strings';
    else if (t) kind = 'tensor';
    else if (g) kind = 'graph';
    else if (s !== undefined) kind = 'string';
    else if (i !== undefined) kind = 'int';
    else if (f !== undefined) kind = 'float';
  }
  let attr: Attribute | undefined;
  switch (kind) {
    case 'float':
      attr = { kind, value: f ?? 0 };
      break;
    case 'int':
      attr = { kind, value: i ?? 0 };
      break;
    case 'string':
      attr = { kind, value: s ?? '' };
      break;
    case 'tensor':
      if (t) attr = { kind, value: t };
      break;
    case 'graph':
      if (g) attr = { kind, value: g };
      break;
    case 'floats':
      attr = { kind, value: floats };
      break;
    case 'ints':
      attr = { kind, value: ints };
      break;
    case 'strings':
      attr = { kind, value: strings };
      break;
  }
  return attr && name ? { name, attr } : undefined;
}

function readTensor(r: ProtoReader): Tensor {
  const dims: number[] = [];
  let dataType = 0;
  let name = '';
  let raw: Uint8Array | undefined;
  const floatData: number[] = [];
  const int32Data: number[] = [];
  const int64Data: number[] = [];
  const doubleData: number[] = [];
  const uint64Data: number[] = [];
  let external = false;
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.tensor.dims && (wire === WireType.VARINT || wire === WireType.LEN)) r.repeatedInt64(wire, dims);
    else if (field === F.tensor.dataType && wire === WireType.VARINT) dataType = r.int64();
    else if (field === F.tensor.name && wire === WireType.LEN) name = r.string();
    else if (field === F.tensor.rawData && wire === WireType.LEN) raw = r.bytes();
    else if (field === F.tensor.floatData && (wire === WireType.I32 || wire === WireType.LEN)) r.repeatedFloat(wire, floatData);
    else if (field === F.tensor.int32Data && (wire === WireType.VARINT || wire === WireType.LEN)) r.repeatedInt64(wire, int32Data);
    else if (field === F.tensor.int64Data && (wire === WireType.VARINT || wire === WireType.LEN)) r.repeatedInt64(wire, int64Data);
    else if (field === F.tensor.doubleData && (wire === WireType.I64 || wire === WireType.LEN)) r.repeatedDouble(wire, doubleData);
    else if (field === F.tensor.uint64Data && (wire === WireType.VARINT || wire === WireType.LEN)) r.repeatedUint64(wire, uint64Data);
    else if (field === F.tensor.externalData && wire === WireType.LEN) {
      external = true;
      r.skip(wire);
    } else if (field === F.tensor.dataLocation && wire === WireType.VARINT) external = r.int64() === 1 || external;
    else r.skip(wire);
  }
  if (external) throw new ReadError(`tensor "${name}": external data not supported (save the model with its weights inside the .onnx file)`);
  for (const d of dims) if (d < 0) throw new ReadError(`tensor "${name}": negative dimension ${d}`);
  const count = dims.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(count)) throw new ReadError(`tensor "${name}": dims [${dims.join(',')}] are too large`);
  const data = raw ?? packTyped(dataType, floatData, int32Data, int64Data, doubleData, uint64Data);
  // Data that disagrees with the dims would make every size computed from the model wrong.
  const size = elementSize(dataType);
  if (size && data.length > 0 && data.length !== count * size) throw new ReadError(`tensor "${name}": ${data.length} bytes of data for dims [${dims.join(',')}]`);
  return { name, dataType, dims, raw: data };
}

/** Builds little-endian raw bytes from the typed repeated fields, for tensors stored without raw_data. */
function packTyped(dataType: number, floats: number[], int32s: number[], int64s: number[], doubles: number[], uint64s: number[]): Uint8Array {
  const size = elementSize(dataType);
  const src =
    dataType === DataType.FLOAT ? floats : dataType === DataType.INT64 ? int64s : dataType === DataType.DOUBLE ? doubles : dataType === DataType.UINT32 || dataType === DataType.UINT64 ? uint64s : int32s;
  if (size === 0 || src.length === 0) return new Uint8Array(0);
  const out = new Uint8Array(src.length * size);
  const v = new DataView(out.buffer);
  src.forEach((x, k) => {
    const o = k * size;
    switch (dataType) {
      case DataType.FLOAT:
        v.setFloat32(o, x, true);
        break;
      case DataType.DOUBLE:
        v.setFloat64(o, x, true);
        break;
      case DataType.INT64:
      case DataType.UINT64:
        v.setBigInt64(o, BigInt(Math.trunc(x)), true);
        break;
      default:
        // int32_data carries every narrower type as its bit pattern (float16 bits, int8, bool...).
        if (size === 4) v.setInt32(o, x, true);
        else if (size === 2) v.setUint16(o, x & 0xffff, true);
        else v.setUint8(o, x & 0xff);
    }
  });
  return out;
}

function readValueInfo(r: ProtoReader): ValueInfo {
  const vi: ValueInfo = { name: '', elemType: 0 };
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.valueInfo.name && wire === WireType.LEN) vi.name = r.string();
    else if (field === F.valueInfo.type && wire === WireType.LEN) readTypeProto(r.message(), vi);
    else r.skip(wire);
  }
  return vi;
}

function readTypeProto(r: ProtoReader, vi: ValueInfo): void {
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field === F.typeProto.tensorType && wire === WireType.LEN) {
      const t = r.message();
      while (!t.eof()) {
        const k = t.tag();
        if (k.field === F.tensorType.elemType && k.wire === WireType.VARINT) vi.elemType = t.int64();
        else if (k.field === F.tensorType.shape && k.wire === WireType.LEN) vi.shape = readShape(t.message());
        else t.skip(k.wire);
      }
    } else r.skip(wire);
  }
}

function readShape(r: ProtoReader): Dim[] {
  const dims: Dim[] = [];
  while (!r.eof()) {
    const { field, wire } = r.tag();
    if (field !== F.shape.dim || wire !== WireType.LEN) {
      r.skip(wire);
      continue;
    }
    const d = r.message();
    let dim: Dim = null;
    while (!d.eof()) {
      const k = d.tag();
      if (k.field === F.dim.value && k.wire === WireType.VARINT) dim = d.int64();
      else if (k.field === F.dim.param && k.wire === WireType.LEN) dim = utf8.decode(d.bytes());
      else d.skip(k.wire);
    }
    dims.push(dim);
  }
  return dims;
}
