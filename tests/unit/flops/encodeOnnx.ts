/**
 * A test-only ONNX encoder: just enough protobuf writing to give the reader hand-made bytes (and to vary the
 * encodings it must accept: packed and unpacked repeated fields, typed data fields instead of raw_data).
 * The app's real writer lives in src/domain/onnx/write.ts; these tests do not depend on it.
 */
import type { Attribute, Graph, Model, Node, Tensor, ValueInfo } from '../../../src/domain/onnx/types.ts';

export class Bytes {
  private readonly out: number[] = [];

  varint(v: number | bigint): this {
    let x = BigInt.asUintN(64, BigInt(v));
    do {
      let b = Number(x & 0x7fn);
      x >>= 7n;
      if (x) b |= 0x80;
      this.out.push(b);
    } while (x);
    return this;
  }
  tag(field: number, wire: number): this {
    return this.varint(field * 8 + wire);
  }
  int(field: number, v: number): this {
    return this.tag(field, 0).varint(v);
  }
  len(field: number, payload: Uint8Array): this {
    this.tag(field, 2).varint(payload.length);
    payload.forEach((b) => this.out.push(b));
    return this;
  }
  str(field: number, s: string): this {
    return this.len(field, new TextEncoder().encode(s));
  }
  msg(field: number, m: Bytes): this {
    return this.len(field, m.bytes());
  }
  float(field: number, v: number): this {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, v, true);
    this.tag(field, 5);
    b.forEach((x) => this.out.push(x));
    return this;
  }
  double(field: number, v: number): this {
    const b = new Uint8Array(8);
    new DataView(b.buffer).setFloat64(0, v, true);
    this.tag(field, 1);
    b.forEach((x) => this.out.push(x));
    return this;
  }
  raw(...b: number[]): this {
    this.out.push(...b);
    return this;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

export interface EncodeOptions {
  /** Write repeated ints unpacked (one key per element), as proto2-era writers do. */
  unpacked?: boolean;
  /** Store tensors in float_data / int64_data / int32_data / double_data instead of raw_data. */
  typedData?: boolean;
}

const packedInts = (b: Bytes, field: number, xs: number[], o: EncodeOptions) => {
  if (o.unpacked) xs.forEach((x) => b.int(field, x));
  else if (xs.length) {
    const p = new Bytes();
    xs.forEach((x) => p.varint(x));
    b.msg(field, p);
  }
};

export function encodeTensor(t: Tensor, o: EncodeOptions = {}): Bytes {
  const b = new Bytes();
  packedInts(b, 1, t.dims, o);
  b.int(2, t.dataType);
  b.str(8, t.name);
  if (!o.typedData) return b.len(9, t.raw);
  const v = new DataView(t.raw.buffer, t.raw.byteOffset, t.raw.byteLength);
  if (t.dataType === 1) {
    if (o.unpacked) for (let i = 0; i < t.raw.length; i += 4) b.float(4, v.getFloat32(i, true));
    else b.len(4, t.raw);
  } else if (t.dataType === 7) packedInts(b, 7, Array.from({ length: t.raw.length / 8 }, (_, i) => Number(v.getBigInt64(i * 8, true))), o);
  else if (t.dataType === 11) for (let i = 0; i < t.raw.length; i += 8) b.double(10, v.getFloat64(i, true));
  else if (t.dataType === 6) packedInts(b, 5, Array.from({ length: t.raw.length / 4 }, (_, i) => v.getInt32(i * 4, true)), o);
  else if (t.dataType === 10) packedInts(b, 5, Array.from({ length: t.raw.length / 2 }, (_, i) => v.getUint16(i * 2, true)), o);
  else packedInts(b, 5, Array.from(t.raw), o);
  return b;
}

const ATTR_TYPE: Record<Attribute['kind'], number> = { float: 1, int: 2, string: 3, tensor: 4, graph: 5, floats: 6, ints: 7, strings: 8 };

function encodeAttribute(name: string, a: Attribute, o: EncodeOptions): Bytes {
  const b = new Bytes().str(1, name);
  switch (a.kind) {
    case 'float':
      b.float(2, a.value);
      break;
    case 'int':
      b.int(3, a.value);
      break;
    case 'string':
      b.str(4, a.value);
      break;
    case 'tensor':
      b.msg(5, encodeTensor(a.value, o));
      break;
    case 'graph':
      b.msg(6, encodeGraph(a.value, o));
      break;
    case 'floats':
      a.value.forEach((x) => b.float(7, x));
      break;
    case 'ints':
      packedInts(b, 8, a.value, o);
      break;
    case 'strings':
      a.value.forEach((x) => b.str(9, x));
      break;
  }
  return b.int(20, ATTR_TYPE[a.kind]);
}

function encodeNode(n: Node, o: EncodeOptions): Bytes {
  const b = new Bytes();
  n.inputs.forEach((x) => b.str(1, x));
  n.outputs.forEach((x) => b.str(2, x));
  if (n.name !== undefined) b.str(3, n.name);
  b.str(4, n.opType);
  for (const [k, a] of Object.entries(n.attributes)) b.msg(5, encodeAttribute(k, a, o));
  if (n.domain) b.str(7, n.domain);
  return b;
}

function encodeValueInfo(v: ValueInfo): Bytes {
  const tt = new Bytes().int(1, v.elemType);
  if (v.shape) {
    const s = new Bytes();
    for (const d of v.shape) {
      const dim = new Bytes();
      if (typeof d === 'number') dim.int(1, d);
      else if (typeof d === 'string') dim.str(2, d);
      s.msg(1, dim);
    }
    tt.msg(2, s);
  }
  return new Bytes().str(1, v.name).msg(2, new Bytes().msg(1, tt));
}

export function encodeGraph(g: Graph, o: EncodeOptions = {}): Bytes {
  const b = new Bytes();
  g.nodes.forEach((n) => b.msg(1, encodeNode(n, o)));
  b.str(2, g.name);
  g.initializers.forEach((t) => b.msg(5, encodeTensor(t, o)));
  g.inputs.forEach((v) => b.msg(11, encodeValueInfo(v)));
  g.outputs.forEach((v) => b.msg(12, encodeValueInfo(v)));
  g.valueInfo.forEach((v) => b.msg(13, encodeValueInfo(v)));
  return b;
}

export function encodeModel(m: Model, o: EncodeOptions = {}): Uint8Array {
  const b = new Bytes().int(1, m.irVersion);
  if (m.producerName !== undefined) b.str(2, m.producerName);
  b.msg(7, encodeGraph(m.graph, o));
  m.opsets.forEach((s) => b.msg(8, new Bytes().str(1, s.domain).int(2, s.version)));
  return b.bytes();
}
