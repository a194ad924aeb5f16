/**
 * A minimal protobuf wire-format encoder: just what the ONNX writer needs (varints, fixed32/64,
 * length-delimited fields, packed repeated scalars). No schema, no reflection, no dependencies.
 */

export const WireType = { VARINT: 0, FIXED64: 1, LEN: 2, FIXED32: 5 } as const;

const utf8 = new TextEncoder();
const TWO_POW_64 = 1n << 64n;

/** Byte arrays at least this long are kept by reference and copied once, by `finish()`. */
const BY_REFERENCE = 4096;

/**
 * Appends protobuf fields. Small fields go into a growing scratch buffer; large byte fields (tensor data)
 * and embedded messages are kept as references, so a multi-megabyte initializer is copied once, into the
 * final array, however deeply it is nested.
 */
export class ProtoWriter {
  private buf: Uint8Array;
  private view: DataView;
  /** Scratch bytes [start, len) are not yet in `chunks`. */
  private start = 0;
  private len = 0;
  private readonly chunks: Uint8Array[] = [];
  private chunked = 0;

  constructor(initialCapacity = 256) {
    this.buf = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.buf.buffer);
  }

  /** Bytes written so far. */
  get length(): number {
    return this.chunked + this.len - this.start;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    // Earlier chunks may be views of the old buffer; they stay valid because it is never written again.
    const pending = this.len - this.start;
    let cap = this.buf.length * 2;
    while (cap < pending + extra) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(this.start, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
    this.start = 0;
    this.len = pending;
  }

  private flush(): void {
    if (this.len > this.start) {
      this.chunks.push(this.buf.subarray(this.start, this.len));
      this.chunked += this.len - this.start;
      this.start = this.len;
    }
  }

  private append(data: Uint8Array): void {
    if (data.length >= BY_REFERENCE) {
      this.flush();
      this.chunks.push(data);
      this.chunked += data.length;
      return;
    }
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
  }

  /**
   * A base-128 varint. Negative integers take the 10-byte two's-complement form, as protobuf encodes
   * int32/int64 (ONNX uses negative int64s for axes such as -1).
   */
  rawVarint(value: number | bigint): this {
    if (typeof value === 'bigint') return this.bigVarint(value);
    if (!Number.isSafeInteger(value)) throw new RangeError(`varint needs a safe integer, got ${value}`);
    if (value < 0) return this.bigVarint(BigInt(value));
    this.ensure(10);
    let v = value;
    // Division rather than bit ops: JS bit operators truncate to 32 bits.
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
    return this;
  }

  private bigVarint(value: bigint): this {
    if (value < -(1n << 63n) || value >= TWO_POW_64) throw new RangeError(`varint out of 64-bit range: ${value}`);
    let v = value < 0n ? value + TWO_POW_64 : value;
    this.ensure(10);
    while (v >= 0x80n) {
      this.buf[this.len++] = Number(v & 0x7fn) | 0x80;
      v >>= 7n;
    }
    this.buf[this.len++] = Number(v);
    return this;
  }

  tag(field: number, wireType: number): this {
    if (!Number.isInteger(field) || field < 1 || field > 0x1fffffff) throw new RangeError(`bad field number ${field}`);
    return this.rawVarint(field * 8 + wireType);
  }

  /** int32 / int64 / uint64 / enum / bool fields. */
  varint(field: number, value: number | bigint): this {
    return this.tag(field, WireType.VARINT).rawVarint(value);
  }

  /** A float field (fixed32, little-endian IEEE 754). */
  float(field: number, value: number): this {
    this.tag(field, WireType.FIXED32);
    return this.rawFloat(value);
  }

  /** A double field (fixed64). */
  double(field: number, value: number): this {
    this.tag(field, WireType.FIXED64);
    this.ensure(8);
    this.view.setFloat64(this.len, value, true);
    this.len += 8;
    return this;
  }

  fixed32(field: number, value: number): this {
    this.tag(field, WireType.FIXED32);
    this.ensure(4);
    this.view.setUint32(this.len, value >>> 0, true);
    this.len += 4;
    return this;
  }

  fixed64(field: number, value: bigint): this {
    this.tag(field, WireType.FIXED64);
    this.ensure(8);
    this.view.setBigUint64(this.len, BigInt.asUintN(64, value), true);
    this.len += 8;
    return this;
  }

  private rawFloat(value: number): this {
    this.ensure(4);
    this.view.setFloat32(this.len, value, true);
    this.len += 4;
    return this;
  }

  /** A length-delimited field holding raw bytes (large arrays are referenced, not copied, until finish). */
  bytes(field: number, data: Uint8Array): this {
    this.tag(field, WireType.LEN).rawVarint(data.length);
    this.append(data);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, utf8.encode(value));
  }

  /** An embedded message: `body` writes its fields into a fresh writer, appended here length-prefixed. */
  message(field: number, body: (w: ProtoWriter) => void): this {
    const sub = new ProtoWriter();
    body(sub);
    this.tag(field, WireType.LEN).rawVarint(sub.length);
    sub.flush();
    for (const c of sub.chunks) this.append(c);
    return this;
  }

  /** Packed repeated varints (one LEN field). Nothing is written for an empty list. */
  packedVarints(field: number, values: readonly (number | bigint)[]): this {
    if (values.length === 0) return this;
    const sub = new ProtoWriter(values.length * 2);
    for (const v of values) sub.rawVarint(v);
    return this.bytes(field, sub.finish());
  }

  /** Packed repeated floats (one LEN field of fixed32s). */
  packedFloats(field: number, values: readonly number[]): this {
    if (values.length === 0) return this;
    this.tag(field, WireType.LEN).rawVarint(values.length * 4);
    for (const v of values) this.rawFloat(v);
    return this;
  }

  /** All bytes written, in one new array. */
  finish(): Uint8Array {
    this.flush();
    if (this.chunks.length === 1) return (this.chunks[0] as Uint8Array).slice();
    const out = new Uint8Array(this.chunked);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}
