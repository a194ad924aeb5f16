/**
 * A minimal protobuf wire-format decoder: enough to walk ONNX messages field by field.
 * Pure and dependency-free. Every read is bounds-checked and every loop consumes at least one byte, so malformed
 * input ends in a ProtoError (carrying the byte offset) rather than a hang or an out-of-range read.
 */

export const WireType = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

export class ProtoError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at byte ${offset}`);
    this.name = 'ProtoError';
  }
}

const TWO_32 = 4294967296;
const utf8 = new TextDecoder('utf-8', { fatal: false });

export class ProtoReader {
  pos: number;
  readonly end: number;
  private readonly view: DataView;

  /** Reads buf[start, end). Nested messages get their own reader over a subarray of the same memory (no copy). */
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    end = buf.length,
  ) {
    if (start < 0 || end > buf.length || start > end) throw new ProtoError('bad reader bounds', start);
    this.pos = start;
    this.end = end;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  eof(): boolean {
    return this.pos >= this.end;
  }

  /** Reads a field key; returns the field number and wire type. */
  tag(): { field: number; wire: number } {
    const at = this.pos;
    const key = this.varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ProtoError('field number 0', at);
    if (wire > 5) throw new ProtoError(`invalid wire type ${wire}`, at);
    return { field, wire };
  }

  /**
   * Unsigned varint as a JS number. Values above 2^53 lose precision (ONNX never needs them exactly);
   * more than 10 bytes is an error.
   */
  varint(): number {
    const { lo, hi } = this.varint64();
    return hi * TWO_32 + lo;
  }

  /** int32/int64 varint: negative numbers are 10-byte two's complement. */
  int64(): number {
    const { lo, hi } = this.varint64();
    if (hi & 0x80000000) {
      // Two's complement negate: -(~x + 1), computed on the two 32-bit halves.
      const nlo = (~lo >>> 0) + 1;
      const nhi = (~hi >>> 0) + (nlo > 0xffffffff ? 1 : 0);
      return -((nhi >>> 0) * TWO_32 + (nlo >>> 0));
    }
    return hi * TWO_32 + lo;
  }

  private varint64(): { lo: number; hi: number } {
    const start = this.pos;
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) throw new ProtoError('truncated varint', start);
      const b = this.buf[this.pos++]!;
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= (bits & 0x0f) << 28;
        hi |= bits >> 4;
      } else hi |= bits << (7 * i - 32);
      if ((b & 0x80) === 0) return { lo: lo >>> 0, hi: hi >>> 0 };
    }
    throw new ProtoError('varint longer than 10 bytes', start);
  }

  fixed32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  float(): number {
    this.need(4);
    const v = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return v;
  }

  /** fixed64 as an unsigned number (precision lost above 2^53). */
  fixed64(): number {
    this.need(8);
    const lo = this.view.getUint32(this.pos, true);
    const hi = this.view.getUint32(this.pos + 4, true);
    this.pos += 8;
    return hi * TWO_32 + lo;
  }

  double(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos, true);
    this.pos += 8;
    return v;
  }

  /** Length-delimited payload as a view into the same buffer. */
  bytes(): Uint8Array {
    const [s, e] = this.lenRange();
    return this.buf.subarray(s, e);
  }

  string(): string {
    return utf8.decode(this.bytes());
  }

  /** Reader over a length-delimited sub-message. */
  message(): ProtoReader {
    const [s, e] = this.lenRange();
    return new ProtoReader(this.buf, s, e);
  }

  /** Repeated varint field, accepting both the packed (LEN) and the unpacked (VARINT) encodings. */
  repeatedInt64(wire: number, out: number[]): void {
    if (wire === WireType.VARINT) {
      out.push(this.int64());
      return;
    }
    this.expectWire(wire, WireType.LEN);
    const r = this.message();
    while (!r.eof()) out.push(r.int64());
  }

  /** Repeated unsigned varint (uint64_data). */
  repeatedUint64(wire: number, out: number[]): void {
    if (wire === WireType.VARINT) {
      out.push(this.varint());
      return;
    }
    this.expectWire(wire, WireType.LEN);
    const r = this.message();
    while (!r.eof()) out.push(r.varint());
  }

  /** Repeated float (fixed32), packed or not. */
  repeatedFloat(wire: number, out: number[]): void {
    if (wire === WireType.I32) {
      out.push(this.float());
      return;
    }
    this.expectWire(wire, WireType.LEN);
    const r = this.message();
    if ((r.end - r.pos) % 4 !== 0) throw new ProtoError('packed float length not a multiple of 4', r.pos);
    while (!r.eof()) out.push(r.float());
  }

  /** Repeated double (fixed64), packed or not. */
  repeatedDouble(wire: number, out: number[]): void {
    if (wire === WireType.I64) {
      out.push(this.double());
      return;
    }
    this.expectWire(wire, WireType.LEN);
    const r = this.message();
    if ((r.end - r.pos) % 8 !== 0) throw new ProtoError('packed double length not a multiple of 8', r.pos);
    while (!r.eof()) out.push(r.double());
  }

  /** Skips a field's value. Groups (deprecated, unused by ONNX) are rejected rather than walked. */
  skip(wire: number): void {
    switch (wire) {
      case WireType.VARINT:
        this.varint64();
        return;
      case WireType.I64:
        this.need(8);
        this.pos += 8;
        return;
      case WireType.LEN:
        this.lenRange();
        return;
      case WireType.I32:
        this.need(4);
        this.pos += 4;
        return;
      default:
        throw new ProtoError(`unsupported wire type ${wire}`, this.pos);
    }
  }

  expectWire(got: number, want: number): void {
    if (got !== want) throw new ProtoError(`wire type ${got} where ${want} was expected`, this.pos);
  }

  private lenRange(): [number, number] {
    const at = this.pos;
    const len = this.varint();
    if (len > this.end - this.pos) throw new ProtoError(`length ${len} runs past the end`, at);
    const s = this.pos;
    this.pos += len;
    return [s, this.pos];
  }

  private need(n: number): void {
    if (this.end - this.pos < n) throw new ProtoError(`truncated: need ${n} bytes`, this.pos);
  }
}
