import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProtoError, ProtoReader } from '../../../src/domain/onnx/protoRead.ts';
import { readModel } from '../../../src/domain/onnx/read.ts';
import { DataType } from '../../../src/domain/onnx/types.ts';
import { f32, graph, i64, model, node, vi } from './build.ts';
import { Bytes, encodeModel } from './encodeOnnx.ts';

const reader = (...b: number[]) => new ProtoReader(Uint8Array.from(b));

describe('protobuf wire decoding', () => {
  it('reads varints, including multi-byte and 64-bit ones', () => {
    expect(reader(0x00).varint()).toBe(0);
    expect(reader(0x96, 0x01).varint()).toBe(150);
    expect(reader(0xff, 0xff, 0xff, 0xff, 0x0f).varint()).toBe(0xffffffff);
    // 2^40 and 2^53 - 1 need the high word.
    expect(new ProtoReader(new Bytes().varint(2 ** 40).bytes()).varint()).toBe(2 ** 40);
    expect(new ProtoReader(new Bytes().varint(Number.MAX_SAFE_INTEGER).bytes()).varint()).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads negative int64 as ten-byte two’s complement', () => {
    expect(reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).int64()).toBe(-1);
    expect(new ProtoReader(new Bytes().varint(-2).bytes()).int64()).toBe(-2);
    expect(new ProtoReader(new Bytes().varint(-(2 ** 40) - 5).bytes()).int64()).toBe(-(2 ** 40) - 5);
    // INT64_MAX / INT64_MIN (Slice ends) come out as the nearest doubles.
    expect(new ProtoReader(new Bytes().varint(2n ** 63n - 1n).bytes()).int64()).toBe(2 ** 63);
    expect(new ProtoReader(new Bytes().varint(-(2n ** 63n)).bytes()).int64()).toBe(-(2 ** 63));
  });

  it('reads keys, fixed32/64, floats and doubles little-endian', () => {
    const r = reader(0x0d, 0x00, 0x00, 0xc0, 0x3f, 0x11, 1, 0, 0, 0, 2, 0, 0, 0);
    expect(r.tag()).toEqual({ field: 1, wire: 5 });
    expect(r.float()).toBe(1.5);
    expect(r.tag()).toEqual({ field: 2, wire: 1 });
    expect(r.fixed64()).toBe(2 * 2 ** 32 + 1);
    expect(r.eof()).toBe(true);
    const d = new ProtoReader(new Bytes().double(3, -0.1).bytes());
    expect(d.tag()).toEqual({ field: 3, wire: 1 });
    expect(d.double()).toBe(-0.1);
    expect(reader(0x78, 0x56, 0x34, 0x12).fixed32()).toBe(0x12345678);
  });

  it('returns length-delimited payloads as views of the same memory', () => {
    const buf = Uint8Array.from([0x0a, 0x03, 0x61, 0x62, 0x63, 0x10, 0x07]);
    const r = new ProtoReader(buf);
    expect(r.tag()).toEqual({ field: 1, wire: 2 });
    const b = r.bytes();
    expect(b.buffer).toBe(buf.buffer);
    expect(b.byteOffset).toBe(2);
    expect(new TextDecoder().decode(b)).toBe('abc');
    expect(r.tag()).toEqual({ field: 2, wire: 0 });
    expect(r.varint()).toBe(7);
  });

  it('accepts packed and unpacked repeated fields alike', () => {
    const packed = new ProtoReader(Uint8Array.from([0x03, 0x01, 0x96, 0x01]));
    const out: number[] = [];
    packed.repeatedInt64(2, out);
    expect(out).toEqual([1, 150]);
    const unpacked = reader(0x05);
    unpacked.repeatedInt64(0, out);
    expect(out).toEqual([1, 150, 5]);
    const floats: number[] = [];
    new ProtoReader(Uint8Array.from([0x08, 0, 0, 0x80, 0x3f, 0, 0, 0, 0xc0])).repeatedFloat(2, floats);
    expect(floats).toEqual([1, -2]);
  });

  it('skips every wire type it can and rejects the rest with a byte offset', () => {
    const r = reader(0x08, 0x96, 0x01, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x1a, 0x02, 9, 9, 0x25, 1, 2, 3, 4, 0x28, 0x01);
    for (let i = 0; i < 4; i++) r.skip(r.tag().wire);
    expect(r.tag()).toEqual({ field: 5, wire: 0 });
    expect(() => reader(0x0b).skip(reader(0x0b).tag().wire)).toThrow(ProtoError);
    expect(() => reader(0x0e).tag()).toThrow(/invalid wire type 6 at byte 0/);
    expect(() => reader(0x00).tag()).toThrow(/field number 0/);
  });

  it('throws ProtoError on truncation and overlong varints', () => {
    expect(() => reader(0x96).varint()).toThrow(/truncated varint at byte 0/);
    expect(() => reader(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01).varint()).toThrow(/longer than 10 bytes/);
    expect(() => reader(0x05, 1, 2).bytes()).toThrow(/length 5 runs past the end at byte 0/);
    expect(() => reader(1, 2, 3).fixed32()).toThrow(/truncated: need 4 bytes at byte 0/);
    expect(() => reader(1, 2, 3, 4, 5, 6, 7).double()).toThrow(ProtoError);
    expect(() => new ProtoReader(Uint8Array.from([0x04, 1, 2, 3, 4, 5])).repeatedFloat(2, [])).not.toThrow();
    expect(() => new ProtoReader(Uint8Array.from([0x03, 1, 2, 3])).repeatedFloat(2, [])).toThrow(/multiple of 4/);
  });
});

/** A model that uses each field the reader knows, in both encodings. */
function sampleModel() {
  const thenG = graph([node('Identity', ['x'], ['t_out'])], [], [vi('t_out', [2])], [], 'then');
  return model(
    graph(
      [
        node('Conv', ['x', 'w'], ['y'], { strides: [2, 2], pads: [1, 1, 1, 1], group: 1, auto_pad: 'NOTSET', alpha: { float: 0.5 }, scales: { floats: [1, 2.5] } }),
        node('Constant', [], ['c'], { value: i64('c_value', [2], [-1, 7]) }),
        node('If', ['cond'], ['o'], { then_branch: thenG, else_branch: thenG }, { domain: 'ai.onnx' }),
        node('Custom', ['', 'y'], ['z'], {}, { domain: 'com.example', name: '' }),
      ],
      [vi('x', ['batch', 3, null, 224]), vi('cond', [], DataType.BOOL), vi('nos')],
      [vi('y', ['batch', 8, 112, 112])],
      [f32('w', [8, 3, 3, 3], Array.from({ length: 216 }, (_, i) => i / 8)), i64('shape', [3], [0, -1, 2 ** 40])],
      'main',
    ),
    13,
    [{ domain: 'com.microsoft', version: 1 }],
  );
}

describe('readModel on hand-built bytes', () => {
  for (const [label, opts] of [
    ['packed, raw_data', {}],
    ['unpacked, typed data fields', { unpacked: true, typedData: true }],
  ] as const) {
    it(`decodes every field (${label})`, () => {
      const src = sampleModel();
      const r = readModel(encodeModel(src, opts));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const m = r.model;
      expect(m.irVersion).toBe(8);
      expect(m.producerName).toBe('test');
      expect(m.opsets).toEqual([
        { domain: '', version: 13 },
        { domain: 'com.microsoft', version: 1 },
      ]);
      const g = m.graph;
      expect(g.name).toBe('main');
      expect(g.nodes.map((n) => n.opType)).toEqual(['Conv', 'Constant', 'If', 'Custom']);
      expect(g.nodes[0]!.attributes).toEqual({
        strides: { kind: 'ints', value: [2, 2] },
        pads: { kind: 'ints', value: [1, 1, 1, 1] },
        group: { kind: 'int', value: 1 },
        auto_pad: { kind: 'string', value: 'NOTSET' },
        alpha: { kind: 'float', value: 0.5 },
        scales: { kind: 'floats', value: [1, 2.5] },
      });
      const c = g.nodes[1]!.attributes.value;
      expect(c?.kind).toBe('tensor');
      if (c?.kind === 'tensor') expect(Array.from(new BigInt64Array(c.value.raw.slice().buffer))).toEqual([-1n, 7n]);
      const thenB = g.nodes[2]!.attributes.then_branch;
      expect(thenB?.kind === 'graph' && thenB.value.nodes[0]!.opType).toBe('Identity');
      expect(g.nodes[2]!.domain).toBe('ai.onnx');
      expect(g.nodes[3]!.inputs).toEqual(['', 'y']);
      expect(g.nodes[3]!.domain).toBe('com.example');
      expect(g.inputs).toEqual([vi('x', ['batch', 3, null, 224]), vi('cond', [], DataType.BOOL), vi('nos')]);
      expect(g.outputs[0]!.shape).toEqual(['batch', 8, 112, 112]);
      const [w, shape] = g.initializers;
      expect(w!.dims).toEqual([8, 3, 3, 3]);
      expect(new Float32Array(w!.raw.slice().buffer)[17]).toBe(17 / 8);
      expect(Array.from(new BigInt64Array(shape!.raw.slice().buffer))).toEqual([0n, -1n, 2n ** 40n]);
    });
  }

  it('skips fields it does not know, at every level', () => {
    const inner = new Bytes().str(4, 'Relu').str(1, 'a').int(99, 5).double(98, 1).str(2, 'b').str(97, 'doc');
    const g = new Bytes().msg(1, inner).str(2, 'g').raw(0x9d, 0x06, 1, 2, 3, 4); // field 99, fixed32
    const bytes = new Bytes().int(1, 7).str(3, 'producer version').msg(7, g).str(6, 'doc string').bytes();
    const r = readModel(bytes);
    expect(r.ok && r.model.graph.nodes[0]).toEqual({ opType: 'Relu', inputs: ['a'], outputs: ['b'], attributes: {} });
  });

  it('fills raw from float16 bits and int8 values in int32_data', () => {
    const t = new Bytes().raw(0x0a, 0x01, 0x02).int(2, DataType.FLOAT16).raw(0x2a, 0x03, 0x80, 0x78, 0x00);
    const t8 = new Bytes().int(1, 3).int(2, DataType.INT8).int(5, -3).int(5, 4).int(5, 127);
    const g = new Bytes().msg(5, t).msg(5, t8);
    const r = readModel(new Bytes().int(1, 8).msg(7, g).bytes());
    if (!r.ok) throw new Error(r.error);
    const [h, q] = r.model.graph.initializers;
    expect(Array.from(new Uint16Array(h!.raw.slice().buffer))).toEqual([0x3c00, 0]); // 0x3c00 encoded as varint 0x80 0x78
    expect(Array.from(new Int8Array(q!.raw.slice().buffer))).toEqual([-3, 4, 127]);
  });

  it('refuses external data with a clear message', () => {
    const t = new Bytes().int(1, 4).int(2, 1).str(8, 'w').int(14, 1);
    const r = readModel(new Bytes().int(1, 8).msg(7, new Bytes().msg(5, t)).bytes());
    expect(r).toEqual({ ok: false, error: expect.stringContaining('external data not supported') });
  });

  it('refuses tensors whose data does not fit their dims', () => {
    const short = new Bytes().int(1, 2).int(2, DataType.FLOAT).str(8, 'w').len(9, new Uint8Array(7));
    expect(readModel(new Bytes().int(1, 8).msg(7, new Bytes().msg(5, short)).bytes())).toEqual({ ok: false, error: 'tensor "w": 7 bytes of data for dims [2]' });
    const huge = new Bytes().int(1, 2 ** 40).int(1, 2 ** 40).int(2, DataType.FLOAT).str(8, 'big');
    expect(readModel(new Bytes().int(1, 8).msg(7, new Bytes().msg(5, huge)).bytes())).toEqual({ ok: false, error: expect.stringContaining('too large') });
  });

  it('returns ok:false with a byte offset for truncated or garbage input', () => {
    const bytes = encodeModel(sampleModel());
    const cut = readModel(bytes.subarray(0, bytes.length - 7));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/at byte \d+/);
    expect(readModel(new TextEncoder().encode('{"not": "onnx"}')).ok).toBe(false);
    expect(readModel(new Uint8Array(0))).toEqual({ ok: false, error: expect.stringContaining('no graph') });
  });

  it('never throws or hangs on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (b) => {
        const r = readModel(b);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on truncated or corrupted copies of a valid model', () => {
    const bytes = encodeModel(sampleModel());
    fc.assert(
      fc.property(fc.nat(bytes.length), fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.nat(255)), { maxLength: 8 }), (end, flips) => {
        const b = bytes.slice(0, end);
        for (const [i, v] of flips) if (i < b.length) b[i] = v;
        const r = readModel(b);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('caps subgraph nesting instead of overflowing the stack', () => {
    let g = new Bytes().str(2, 'leaf');
    for (let i = 0; i < 40; i++) {
      const attr = new Bytes().str(1, 'then_branch').msg(6, g).int(20, 5);
      g = new Bytes().msg(1, new Bytes().str(4, 'If').msg(5, attr));
    }
    const r = readModel(new Bytes().int(1, 8).msg(7, g).bytes());
    expect(r).toEqual({ ok: false, error: expect.stringContaining('nested deeper') });
  });
});
