import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { ProtoWriter } from '../../../src/domain/onnx/protoWrite.ts';
import { writeModel } from '../../../src/domain/onnx/write.ts';
import type { Model, Node } from '../../../src/domain/onnx/types.ts';

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const varint = (v: number | bigint) => hex(new ProtoWriter().rawVarint(v).finish());

describe('ProtoWriter wire encoding', () => {
  it('encodes varints, including 64-bit and negative values', () => {
    expect(varint(0)).toBe('00');
    expect(varint(1)).toBe('01');
    expect(varint(127)).toBe('7f');
    expect(varint(128)).toBe('80 01');
    expect(varint(300)).toBe('ac 02');
    expect(varint(2 ** 32)).toBe('80 80 80 80 10');
    expect(varint(Number.MAX_SAFE_INTEGER)).toBe('ff ff ff ff ff ff ff 0f');
    expect(varint(1n << 63n)).toBe('80 80 80 80 80 80 80 80 80 01');
    // int64 -1 and -2: ten bytes of two's complement.
    expect(varint(-1)).toBe('ff ff ff ff ff ff ff ff ff 01');
    expect(varint(-2)).toBe('fe ff ff ff ff ff ff ff ff 01');
    expect(varint(-1n)).toBe(varint(-1));
  });

  it('rejects values a varint cannot hold and bad field numbers', () => {
    expect(() => new ProtoWriter().rawVarint(1.5)).toThrow(RangeError);
    expect(() => new ProtoWriter().rawVarint(2 ** 60)).toThrow(RangeError);
    expect(() => new ProtoWriter().rawVarint(1n << 64n)).toThrow(RangeError);
    expect(() => new ProtoWriter().varint(0, 1)).toThrow(RangeError);
  });

  it('matches the examples of the protobuf encoding guide', () => {
    // message Test1 { int32 a = 1; } a = 150
    expect(hex(new ProtoWriter().varint(1, 150).finish())).toBe('08 96 01');
    // message Test2 { string b = 2; } b = "testing"
    expect(hex(new ProtoWriter().string(2, 'testing').finish())).toBe('12 07 74 65 73 74 69 6e 67');
    // message Test3 { Test1 c = 3; }
    expect(hex(new ProtoWriter().message(3, (w) => w.varint(1, 150)).finish())).toBe('1a 03 08 96 01');
    // message Test4 { repeated int32 d = 4 [packed=true]; } d = [3, 270, 86942]
    expect(hex(new ProtoWriter().packedVarints(4, [3, 270, 86942]).finish())).toBe('22 06 03 8e 02 9e a7 05');
  });

  it('encodes fixed-width fields little-endian', () => {
    expect(hex(new ProtoWriter().float(1, 1).finish())).toBe('0d 00 00 80 3f');
    expect(hex(new ProtoWriter().float(2, -2.5).finish())).toBe('15 00 00 20 c0');
    expect(hex(new ProtoWriter().double(1, 1).finish())).toBe('09 00 00 00 00 00 00 f0 3f');
    expect(hex(new ProtoWriter().fixed32(1, 0xdeadbeef).finish())).toBe('0d ef be ad de');
    expect(hex(new ProtoWriter().fixed64(1, -1n).finish())).toBe('09 ff ff ff ff ff ff ff ff');
    expect(hex(new ProtoWriter().packedFloats(7, [1, 2]).finish())).toBe('3a 08 00 00 80 3f 00 00 00 40');
    expect(new ProtoWriter().packedFloats(7, []).finish().length).toBe(0);
  });

  it('keeps large byte fields by reference yet writes the same bytes as one flat buffer', () => {
    const big = new Uint8Array(10_000).map((_, i) => (i * 7) & 0xff);
    const w = new ProtoWriter(16);
    w.varint(1, 5);
    w.message(2, (m) => {
      m.string(1, 'name');
      m.message(3, (inner) => inner.bytes(9, big).varint(2, 1));
      m.varint(4, 300);
    });
    w.bytes(3, Uint8Array.of(1, 2, 3));
    const out = w.finish();
    // inner = 4a <len 10000 = 90 4e> big 10 01 → 3 + 10000 + 2 bytes
    const inner = [0x4a, 0x90, 0x4e, ...big, 0x10, 0x01];
    // middle = 0a 04 'name' 1a <len 10005 = 95 4e> inner 20 ac 02
    const middle = [0x0a, 0x04, 0x6e, 0x61, 0x6d, 0x65, 0x1a, 0x95, 0x4e, ...inner, 0x20, 0xac, 0x02];
    expect(middle.length).toBe(10_017);
    const expected = Uint8Array.from([0x08, 0x05, 0x12, 0xa1, 0x4e, ...middle, 0x1a, 0x03, 1, 2, 3]);
    expect(out).toEqual(expected);
    expect(w.length).toBe(expected.length);
    // finish() returns a copy: the source array is not aliased.
    out[20] = 0;
    expect(big[15]).toBe((15 * 7) & 0xff);
  });
});

const tinyModel: Model = {
  irVersion: 8,
  opsets: [{ domain: '', version: 17 }],
  producerName: 'p',
  graph: {
    name: 'g',
    nodes: [{ name: 'n', opType: 'Relu', inputs: ['x'], outputs: ['y'], attributes: {} }],
    initializers: [],
    inputs: [{ name: 'x', elemType: 1, shape: ['batch', 2] }],
    outputs: [{ name: 'y', elemType: 1, shape: ['batch', 2] }],
    valueInfo: [],
  },
};

// ValueInfoProto { name=1 'x'|'y', type=2 TypeProto { tensor_type=1 { elem_type=1 FLOAT, shape=2 { dim=1 {dim_param=2 'batch'}, dim=1 {dim_value=1 2} } } } }
const valueInfo = (nameByte: number) =>
  [0x0a, 0x01, nameByte, 0x12, 0x13, 0x0a, 0x11, 0x08, 0x01, 0x12, 0x0d, 0x0a, 0x07, 0x12, 0x05, 0x62, 0x61, 0x74, 0x63, 0x68, 0x0a, 0x02, 0x08, 0x02];

describe('writeModel', () => {
  it('encodes a tiny graph byte-for-byte', () => {
    const expected = [
      0x08, 0x08, // ir_version = 8
      0x12, 0x01, 0x70, // producer_name = 'p'
      0x3a, 0x48, // graph (field 7), 72 bytes
      0x0a, 0x0f, // node (field 1)
      0x0a, 0x01, 0x78, 0x12, 0x01, 0x79, 0x1a, 0x01, 0x6e, 0x22, 0x04, 0x52, 0x65, 0x6c, 0x75, // input x, output y, name n, op_type Relu
      0x12, 0x01, 0x67, // graph name 'g'
      0x5a, 0x18, ...valueInfo(0x78), // input (field 11)
      0x62, 0x18, ...valueInfo(0x79), // output (field 12)
      0x42, 0x04, 0x0a, 0x00, 0x10, 0x11, // opset_import (field 8): domain '', version 17
    ];
    expect(hex(writeModel(tinyModel))).toBe(hex(Uint8Array.from(expected)));
  });

  it('encodes every attribute kind with its AttributeProto field and type tag', () => {
    const t = { name: 't', dataType: 7, dims: [2], raw: Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff) };
    const node: Node = {
      opType: 'X',
      domain: 'd',
      inputs: ['', 'a'],
      outputs: ['b'],
      attributes: {
        // Written sorted by name, whatever the insertion order.
        i: { kind: 'int', value: -1 },
        f: { kind: 'float', value: 1 },
        s: { kind: 'string', value: 'hi' },
        is: { kind: 'ints', value: [1, 2] },
        fs: { kind: 'floats', value: [2] },
        ss: { kind: 'strings', value: ['a', 'b'] },
        t: { kind: 'tensor', value: t },
      },
    };
    const model: Model = { ...tinyModel, graph: { ...tinyModel.graph, nodes: [node], inputs: [], outputs: [] } };
    const bytes = writeModel(model);
    const attrs = [
      [0x2a, 0x0b, 0x0a, 0x01, 0x66, 0x15, 0x00, 0x00, 0x80, 0x3f, 0xa0, 0x01, 0x01], // f: f=2, type FLOAT=1
      [0x2a, 0x0c, 0x0a, 0x02, 0x66, 0x73, 0x3d, 0x00, 0x00, 0x00, 0x40, 0xa0, 0x01, 0x06], // fs: floats=7 (unpacked), FLOATS=6
      [0x2a, 0x11, 0x0a, 0x01, 0x69, 0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 0xa0, 0x01, 0x02], // i = -1, INT=2
      [0x2a, 0x0b, 0x0a, 0x02, 0x69, 0x73, 0x40, 0x01, 0x40, 0x02, 0xa0, 0x01, 0x07], // is: ints=8 (unpacked), INTS=7
      [0x2a, 0x0a, 0x0a, 0x01, 0x73, 0x22, 0x02, 0x68, 0x69, 0xa0, 0x01, 0x03], // s: s=4, STRING=3
      [0x2a, 0x0d, 0x0a, 0x02, 0x73, 0x73, 0x4a, 0x01, 0x61, 0x4a, 0x01, 0x62, 0xa0, 0x01, 0x08], // ss: strings=9, STRINGS=8
      // t: t=5 TensorProto { dims=1 [2], data_type=2 INT64, name=8 't', raw_data=9 (16 bytes) }, TENSOR=4
      [0x2a, 0x21, 0x0a, 0x01, 0x74, 0x2a, 0x19, 0x08, 0x02, 0x10, 0x07, 0x42, 0x01, 0x74, 0x4a, 0x10, ...t.raw, 0xa0, 0x01, 0x04],
    ].flat();
    const nodeBody = [0x0a, 0x00, 0x0a, 0x01, 0x61, 0x12, 0x01, 0x62, 0x22, 0x01, 0x58, ...attrs, 0x3a, 0x01, 0x64];
    // 135 bytes: a two-byte length varint (0x87 0x01).
    expect(nodeBody.length).toBe(135);
    const expectedNode = [0x0a, 0x87, 0x01, ...nodeBody];
    expect(hex(bytes)).toContain(hex(Uint8Array.from(expectedNode)));
  });

  it('writes initializers as TensorProto with raw_data, and onnxruntime runs the result', async () => {
    const scale = Float32Array.of(2, -3);
    const model: Model = {
      ...tinyModel,
      graph: {
        ...tinyModel.graph,
        nodes: [
          { opType: 'Relu', inputs: ['x'], outputs: ['r'], attributes: {} },
          { opType: 'Mul', inputs: ['r', 'w'], outputs: ['y'], attributes: {} },
        ],
        initializers: [{ name: 'w', dataType: 1, dims: [2], raw: new Uint8Array(scale.buffer) }],
      },
    };
    const session = await ort.InferenceSession.create(writeModel(model));
    expect(session.inputNames).toEqual(['x']);
    expect(session.outputNames).toEqual(['y']);
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.of(1, 1, -1, 4, 0.5, -2), [3, 2]) });
    expect(out.y?.dims).toEqual([3, 2]);
    expect(Array.from(out.y?.data as Float32Array)).toEqual([2, -3, 0, -12, 1, -0]);
  });
});
