/**
 * GraphBuilder: builds ONNX graphs in code, tracking every tensor's shape (with a symbolic 'batch' dimension)
 * so each model carries exact analytic FLOP and byte counts under the project's FLOP conventions.
 * Counting works by evaluating each node's cost at batch 1 and batch 2: per sample = F(2) − F(1) and
 * fixed = 2·F(1) − F(2), exactly how the FLOP counter defines them.
 */
import { DataType } from './types.ts';
import type { Attribute, DataTypeId, Model, Node, Tensor, ValueInfo } from './types.ts';

export type SymDim = number | 'batch';

export interface TensorInfo {
  elemType: DataTypeId;
  shape: SymDim[];
}

export interface BuildCounts {
  flopsPerSample: number;
  fixedFlops: number;
  /** Bytes of all node outputs, the batch-proportional part. */
  activationBytesPerSample: number;
  fixedActivationBytes: number;
  /** Sum of initializer byte sizes. */
  paramsBytes: number;
}

export interface BuildResult {
  model: Model;
  counts: BuildCounts;
}

export const attr = {
  int: (value: number): Attribute => ({ kind: 'int', value }),
  float: (value: number): Attribute => ({ kind: 'float', value }),
  string: (value: string): Attribute => ({ kind: 'string', value }),
  ints: (value: number[]): Attribute => ({ kind: 'ints', value }),
  floats: (value: number[]): Attribute => ({ kind: 'floats', value }),
};

/** Bytes per element of a tensor data type. */
export function elemSize(t: DataTypeId): number {
  switch (t) {
    case DataType.UINT8:
    case DataType.INT8:
    case DataType.BOOL:
      return 1;
    case DataType.UINT16:
    case DataType.INT16:
    case DataType.FLOAT16:
    case DataType.BFLOAT16:
      return 2;
    case DataType.FLOAT:
    case DataType.INT32:
    case DataType.UINT32:
      return 4;
    case DataType.INT64:
    case DataType.UINT64:
    case DataType.DOUBLE:
      return 8;
    default:
      throw new Error(`no fixed element size for data type ${t}`);
  }
}

/** Element count with 'batch' set to `batch`. */
export function numel(shape: readonly SymDim[], batch: number): number {
  return shape.reduce<number>((p, d) => p * (d === 'batch' ? batch : d), 1);
}

const TWO_POW_MINUS_32 = 2 ** -32;

/** mulberry32: a tiny, fast, seedable PRNG with floats in [0, 1). */
export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) * TWO_POW_MINUS_32;
  }

  /** Fills `out` with U(-scale, scale): the same values as calling next() per element, several times faster. */
  fillUniform(out: Float32Array, scale: number): Float32Array {
    let a = this.state;
    for (let i = 0; i < out.length; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[i] = (((t ^ (t >>> 14)) >>> 0) * TWO_POW_MINUS_32 * 2 - 1) * scale;
    }
    this.state = a;
    return out;
  }
}

export function seededRandom(seed: number): () => number {
  const r = new Mulberry32(seed);
  return () => r.next();
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Little-endian bytes of a typed array (a view, not a copy, on little-endian hosts). */
export function leBytes(a: Float32Array | Int32Array | BigInt64Array | Int8Array | Uint8Array): Uint8Array {
  if (littleEndian || a.BYTES_PER_ELEMENT === 1) return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const out = new Uint8Array(a.byteLength);
  const dv = new DataView(out.buffer);
  a.forEach((v: number | bigint, i: number) => {
    if (a instanceof Float32Array) dv.setFloat32(i * 4, v as number, true);
    else if (a instanceof Int32Array) dv.setInt32(i * 4, v as number, true);
    else dv.setBigInt64(i * 8, v as bigint, true);
  });
  return out;
}

function broadcast(a: readonly SymDim[], b: readonly SymDim[]): SymDim[] {
  const n = Math.max(a.length, b.length);
  const out: SymDim[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1;
    const y = b[b.length - n + i] ?? 1;
    if (x === y || y === 1) out.push(x);
    else if (x === 1) out.push(y);
    else throw new Error(`shapes [${a.join(',')}] and [${b.join(',')}] do not broadcast`);
  }
  return out;
}

function axisOf(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank) throw new Error(`axis ${axis} out of range for rank ${rank}`);
  return a;
}

function fixedDim(d: SymDim | undefined, what: string): number {
  if (typeof d !== 'number') throw new Error(`${what} must be a fixed dimension, got ${String(d)}`);
  return d;
}

function windowOut(size: number, k: number, stride: number, padBegin: number, padEnd: number, dilation = 1): number {
  return Math.floor((size + padBegin + padEnd - ((k - 1) * dilation + 1)) / stride) + 1;
}

export interface BuilderOptions {
  seed: number;
  opset?: number;
  irVersion?: number;
  producerName?: string;
}

export class GraphBuilder {
  /** The seeded PRNG: draw weights from it in a fixed order and the model bytes are reproducible. */
  readonly rng: Mulberry32;
  private readonly opset: number;
  private readonly irVersion: number;
  private readonly producerName: string;
  private readonly nodes: Node[] = [];
  private readonly initializers: Tensor[] = [];
  private readonly inputs: ValueInfo[] = [];
  private readonly outputs: ValueInfo[] = [];
  private readonly infos = new Map<string, TensorInfo>();
  private readonly used = new Set<string>();
  private readonly flopFns: ((batch: number) => number)[] = [];
  private readonly produced: TensorInfo[] = [];
  private readonly constants = new Map<string, string>();

  constructor(
    readonly name: string,
    opts: BuilderOptions,
  ) {
    this.rng = new Mulberry32(opts.seed);
    this.opset = opts.opset ?? 17;
    // IR 8 is the first to allow opset 17.
    this.irVersion = opts.irVersion ?? 8;
    this.producerName = opts.producerName ?? 'mlsd-studio';
  }

  /** A name not used yet in this graph: `hint`, else `hint_2`, `hint_3`, ... */
  fresh(hint: string): string {
    let name = hint;
    for (let k = 2; this.used.has(name); k++) name = `${hint}_${k}`;
    this.used.add(name);
    return name;
  }

  info(name: string): TensorInfo {
    const i = this.infos.get(name);
    if (!i) throw new Error(`unknown tensor '${name}'`);
    return i;
  }

  shape(name: string): SymDim[] {
    return this.info(name).shape;
  }

  private track(name: string, info: TensorInfo): void {
    this.infos.set(name, { elemType: info.elemType, shape: [...info.shape] });
  }

  // ---- graph inputs, outputs and initializers ------------------------------------------------------------

  input(name: string, elemType: DataTypeId, shape: SymDim[]): string {
    const n = this.fresh(name);
    if (n !== name) throw new Error(`input name '${name}' already used`);
    this.track(n, { elemType, shape });
    this.inputs.push({ name: n, elemType, shape: [...shape] });
    return n;
  }

  output(name: string): void {
    const i = this.info(name);
    this.outputs.push({ name, elemType: i.elemType, shape: [...i.shape] });
  }

  initializer(hint: string, dataType: DataTypeId, dims: number[], raw: Uint8Array): string {
    const expected = numel(dims, 1) * elemSize(dataType);
    if (raw.length !== expected) throw new Error(`initializer '${hint}': ${raw.length} bytes, expected ${expected}`);
    const name = this.fresh(hint);
    this.track(name, { elemType: dataType, shape: dims });
    this.initializers.push({ name, dataType, dims: [...dims], raw });
    return name;
  }

  floatTensor(hint: string, dims: number[], data: Float32Array | number[]): string {
    const a = data instanceof Float32Array ? data : Float32Array.from(data);
    return this.initializer(hint, DataType.FLOAT, dims, leBytes(a));
  }

  int64Tensor(hint: string, dims: number[], values: number[]): string {
    return this.initializer(hint, DataType.INT64, dims, leBytes(BigInt64Array.from(values, (v) => BigInt(v))));
  }

  int32Tensor(hint: string, dims: number[], values: Int32Array): string {
    return this.initializer(hint, DataType.INT32, dims, leBytes(values));
  }

  int8Tensor(hint: string, dims: number[], values: Int8Array): string {
    return this.initializer(hint, DataType.INT8, dims, leBytes(values));
  }

  uint8Tensor(hint: string, dims: number[], values: Uint8Array): string {
    return this.initializer(hint, DataType.UINT8, dims, values);
  }

  /** `n` floats drawn uniformly from [-scale, scale). */
  randomFloats(n: number, scale: number): Float32Array {
    return this.rng.fillUniform(new Float32Array(n), scale);
  }

  /**
   * A scalar (rank-0) initializer, shared by every use of the same value and type, as exporters
   * deduplicate constants.
   */
  scalar(value: number, dataType: DataTypeId = DataType.FLOAT, hint = 'const'): string {
    const key = `s:${dataType}:${value}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    let raw: Uint8Array;
    if (dataType === DataType.FLOAT) raw = leBytes(Float32Array.of(value));
    else if (dataType === DataType.INT8) raw = leBytes(Int8Array.of(value));
    else if (dataType === DataType.UINT8) raw = Uint8Array.of(value);
    else if (dataType === DataType.INT32) raw = leBytes(Int32Array.of(value));
    else if (dataType === DataType.INT64) raw = leBytes(BigInt64Array.of(BigInt(value)));
    else throw new Error(`scalar of data type ${dataType} not supported`);
    const name = this.initializer(hint, dataType, [], raw);
    this.constants.set(key, name);
    return name;
  }

  /** A shared 1-D int64 initializer (shapes for Reshape and the like). */
  int64Vector(values: number[], hint = 'shape'): string {
    const key = `i64:${values.join(',')}`;
    const hit = this.constants.get(key);
    if (hit) return hit;
    const name = this.int64Tensor(hint, [values.length], values);
    this.constants.set(key, name);
    return name;
  }

  // ---- nodes -------------------------------------------------------------------------------------------

  /**
   * Appends a node whose outputs have the given types and shapes; `flops(batch)` is its cost at that batch
   * size under the project's conventions. Returns the output names.
   */
  node(
    opType: string,
    inputs: string[],
    outputs: TensorInfo[],
    flops: (batch: number) => number,
    attributes: Record<string, Attribute> = {},
    hint: string = opType.toLowerCase(),
  ): string[] {
    for (const i of inputs) if (i !== '') this.info(i);
    const names = outputs.map((o, k) => {
      const n = this.fresh(outputs.length > 1 ? `${hint}_out${k}` : hint);
      this.track(n, o);
      this.produced.push({ elemType: o.elemType, shape: [...o.shape] });
      return n;
    });
    this.nodes.push({ name: this.fresh(`${opType}_node`), opType, inputs, outputs: names, attributes });
    this.flopFns.push(flops);
    return names;
  }

  private one(opType: string, inputs: string[], out: TensorInfo, flops: (b: number) => number, attrs: Record<string, Attribute> = {}, hint?: string): string {
    return this.node(opType, inputs, [out], flops, attrs, hint)[0] as string;
  }

  /** An elementwise op with numpy broadcasting: 1 FLOP per output element. */
  binary(opType: 'Add' | 'Sub' | 'Mul' | 'Div' | 'Pow' | 'Max' | 'Min', a: string, b: string, hint?: string): string {
    const shape = broadcast(this.shape(a), this.shape(b));
    return this.one(opType, [a, b], { elemType: this.info(a).elemType, shape }, (bt) => numel(shape, bt), {}, hint);
  }

  add(a: string, b: string, hint?: string): string {
    return this.binary('Add', a, b, hint);
  }

  mul(a: string, b: string, hint?: string): string {
    return this.binary('Mul', a, b, hint);
  }

  /** A one-input elementwise op (Relu, Erf, Sigmoid, Tanh, ...): 1 FLOP per element. */
  unary(opType: string, x: string, attrs: Record<string, Attribute> = {}, hint?: string): string {
    const i = this.info(x);
    return this.one(opType, [x], i, (b) => numel(i.shape, b), attrs, hint);
  }

  relu(x: string): string {
    return this.unary('Relu', x);
  }

  /** Clip with scalar min/max inputs (opset ≥ 11 form). */
  clip(x: string, min: number, max: number): string {
    const i = this.info(x);
    return this.one('Clip', [x, this.scalar(min), this.scalar(max)], i, (b) => numel(i.shape, b));
  }

  softmax(x: string, axis = -1): string {
    const i = this.info(x);
    return this.one('Softmax', [x], i, (b) => 3 * numel(i.shape, b), { axis: attr.int(axis) });
  }

  layerNorm(x: string, scale: string, bias: string, axis = -1, epsilon = 1e-5): string {
    const i = this.info(x);
    const attrs = { axis: attr.int(axis), epsilon: attr.float(epsilon) };
    return this.one('LayerNormalization', [x, scale, bias], i, (b) => 5 * numel(i.shape, b), attrs, 'layernorm');
  }

  private matMulShape(a: string, b: string): { shape: SymDim[]; k: number } {
    const sa = this.shape(a);
    const sb = this.shape(b);
    if (sa.length < 2 || sb.length < 2) throw new Error('matMul needs rank ≥ 2 operands');
    const k = fixedDim(sa[sa.length - 1], 'MatMul K');
    if (sb[sb.length - 2] !== k) throw new Error(`MatMul K mismatch: [${sa.join(',')}] x [${sb.join(',')}]`);
    const lead = broadcast(sa.slice(0, -2), sb.slice(0, -2));
    return { shape: [...lead, sa[sa.length - 2] as SymDim, sb[sb.length - 1] as SymDim], k };
  }

  /** MatMul: 2·|out|·K. */
  matMul(a: string, b: string): string {
    const { shape, k } = this.matMulShape(a, b);
    return this.one('MatMul', [a, b], { elemType: this.info(a).elemType, shape }, (bt) => 2 * numel(shape, bt) * k);
  }

  /** MatMulInteger (int32 out): 2·|out|·K. Zero points may be '' to leave them out. */
  matMulInteger(a: string, b: string, aZeroPoint = '', bZeroPoint = ''): string {
    const { shape, k } = this.matMulShape(a, b);
    const inputs = [a, b, aZeroPoint, bZeroPoint];
    while (inputs[inputs.length - 1] === '') inputs.pop();
    return this.one('MatMulInteger', inputs, { elemType: DataType.INT32, shape }, (bt) => 2 * numel(shape, bt) * k);
  }

  /** Gemm on 2-D A: 2·|out|·K, plus |out| when a bias C is given. */
  gemm(a: string, b: string, c?: string, opts: { transB?: boolean } = {}): string {
    const sa = this.shape(a);
    const sb = this.shape(b);
    if (sa.length !== 2 || sb.length !== 2) throw new Error('Gemm needs 2-D A and B');
    const k = fixedDim(sa[1], 'Gemm K');
    const [bk, n] = opts.transB ? [sb[1], sb[0]] : [sb[0], sb[1]];
    if (bk !== k) throw new Error(`Gemm K mismatch: [${sa.join(',')}] x [${sb.join(',')}]`);
    const shape: SymDim[] = [sa[0] as SymDim, n as SymDim];
    const attrs: Record<string, Attribute> = opts.transB ? { transB: attr.int(1) } : {};
    const inputs = c ? [a, b, c] : [a, b];
    return this.one('Gemm', inputs, { elemType: this.info(a).elemType, shape }, (bt) => 2 * numel(shape, bt) * k + (c ? numel(shape, bt) : 0), attrs);
  }

  /** Conv (NCHW): 2·|out|·(Cin/group)·prod(kernel), plus |out| with a bias. */
  conv(x: string, w: string, bias: string | undefined, opts: { pads?: number[]; strides?: number[]; group?: number } = {}): string {
    const sx = this.shape(x);
    const sw = this.shape(w).map((d) => fixedDim(d, 'Conv weight dim'));
    const spatial = sx.length - 2;
    const kernel = sw.slice(2);
    const group = opts.group ?? 1;
    const strides = opts.strides ?? kernel.map(() => 1);
    const pads = opts.pads ?? kernel.map(() => 0).concat(kernel.map(() => 0));
    const cin = fixedDim(sx[1], 'Conv channels');
    if (cin !== (sw[1] as number) * group) throw new Error(`Conv channels: input ${cin}, weight ${sw[1]}×group ${group}`);
    const outSpatial = kernel.map((k, i) =>
      windowOut(fixedDim(sx[2 + i], 'Conv spatial'), k, strides[i] as number, pads[i] as number, pads[i + spatial] as number),
    );
    const shape: SymDim[] = [sx[0] as SymDim, sw[0] as number, ...outSpatial];
    const perOut = 2 * (sw[1] as number) * kernel.reduce((p, k) => p * k, 1);
    const attrs: Record<string, Attribute> = { kernel_shape: attr.ints(kernel), pads: attr.ints(pads), strides: attr.ints(strides) };
    if (group !== 1) attrs.group = attr.int(group);
    const inputs = bias ? [x, w, bias] : [x, w];
    return this.one('Conv', inputs, { elemType: this.info(x).elemType, shape }, (b) => numel(shape, b) * (perOut + (bias ? 1 : 0)), attrs);
  }

  /** MaxPool: |out|·prod(kernel). */
  maxPool(x: string, kernel: number[], strides: number[] = kernel, pads: number[] = kernel.map(() => 0).concat(kernel.map(() => 0))): string {
    const sx = this.shape(x);
    const n = kernel.length;
    const outSpatial = kernel.map((k, i) =>
      windowOut(fixedDim(sx[2 + i], 'MaxPool spatial'), k, strides[i] as number, pads[i] as number, pads[i + n] as number),
    );
    const shape: SymDim[] = [sx[0] as SymDim, sx[1] as SymDim, ...outSpatial];
    const window = kernel.reduce((p, k) => p * k, 1);
    const attrs = { kernel_shape: attr.ints(kernel), strides: attr.ints(strides), pads: attr.ints(pads) };
    return this.one('MaxPool', [x], { elemType: this.info(x).elemType, shape }, (b) => numel(shape, b) * window, attrs);
  }

  /** Flatten to 2-D at `axis`; 0 FLOPs. */
  flatten(x: string, axis = 1): string {
    const sx = this.shape(x);
    const collapse = (dims: SymDim[]): SymDim => {
      if (dims.includes('batch')) {
        if (dims.length === 1) return 'batch';
        throw new Error('Flatten would merge the batch dimension with others');
      }
      return dims.reduce<number>((p, d) => p * (d as number), 1);
    };
    const shape = [collapse(sx.slice(0, axis)), collapse(sx.slice(axis))];
    return this.one('Flatten', [x], { elemType: this.info(x).elemType, shape }, () => 0, { axis: attr.int(axis) });
  }

  /** Reshape to `target` (0 copies the input dimension, one -1 is inferred); 0 FLOPs. */
  reshape(x: string, target: number[]): string {
    const sx = this.shape(x);
    const shape: SymDim[] = target.map((t, i) => (t === 0 ? (sx[i] as SymDim) : t));
    const unknown = shape.indexOf(-1);
    if (unknown >= 0) {
      const batchIn = sx.filter((d) => d === 'batch').length;
      const batchOut = shape.filter((d) => d === 'batch').length;
      if (batchIn !== batchOut) throw new Error('Reshape with -1 must copy the batch dimension with 0');
      const known = shape.reduce<number>((p, d, i) => (i === unknown || d === 'batch' ? p : p * (d as number)), 1);
      shape[unknown] = numel(sx, 1) / known;
    }
    if (numel(shape, 1) !== numel(sx, 1) || numel(shape, 2) !== numel(sx, 2)) {
      throw new Error(`Reshape [${sx.join(',')}] to [${target.join(',')}] changes the element count`);
    }
    return this.one('Reshape', [x, this.int64Vector(target)], { elemType: this.info(x).elemType, shape }, () => 0);
  }

  transpose(x: string, perm: number[]): string {
    const sx = this.shape(x);
    const shape = perm.map((p) => sx[p] as SymDim);
    return this.one('Transpose', [x], { elemType: this.info(x).elemType, shape }, () => 0, { perm: attr.ints(perm) });
  }

  /** Gather along axis 0 (embedding lookup); 0 FLOPs. */
  gather(data: string, indices: string): string {
    const sd = this.shape(data);
    const shape = [...this.shape(indices), ...sd.slice(1)];
    return this.one('Gather', [data, indices], { elemType: this.info(data).elemType, shape }, () => 0, { axis: attr.int(0) });
  }

  concat(xs: string[], axis: number): string {
    const first = this.shape(xs[0] as string);
    const ax = axisOf(axis, first.length);
    let total = 0;
    for (const x of xs) {
      const s = this.shape(x);
      if (s.length !== first.length || s.some((d, i) => i !== ax && d !== first[i])) throw new Error('Concat shapes differ off the axis');
      total += fixedDim(s[ax], 'Concat axis');
    }
    const shape = first.map((d, i) => (i === ax ? total : d));
    return this.one('Concat', xs, { elemType: this.info(xs[0] as string).elemType, shape }, () => 0, { axis: attr.int(axis) });
  }

  /** ReduceMean with the opset-13..17 `axes` attribute: |input| FLOPs. */
  reduceMean(x: string, axes: number[], keepdims: boolean): string {
    const sx = this.shape(x);
    const ax = axes.map((a) => axisOf(a, sx.length));
    const shape = keepdims ? sx.map((d, i) => (ax.includes(i) ? 1 : d)) : sx.filter((_, i) => !ax.includes(i));
    const attrs = { axes: attr.ints(axes), keepdims: attr.int(keepdims ? 1 : 0) };
    return this.one('ReduceMean', [x], { elemType: this.info(x).elemType, shape }, (b) => numel(sx, b), attrs);
  }

  cast(x: string, to: DataTypeId): string {
    return this.one('Cast', [x], { elemType: to, shape: this.shape(x) }, () => 0, { to: attr.int(to) });
  }

  /** QuantizeLinear (output type from the zero point): 2·|out|. */
  quantizeLinear(x: string, scale: string, zeroPoint: string): string {
    const shape = this.shape(x);
    return this.one('QuantizeLinear', [x, scale, zeroPoint], { elemType: this.info(zeroPoint).elemType, shape }, (b) => 2 * numel(shape, b));
  }

  /** DequantizeLinear to float: 2·|out| (fixed work when x is an initializer, since it has no batch). */
  dequantizeLinear(x: string, scale: string, zeroPoint?: string): string {
    const shape = this.shape(x);
    const inputs = zeroPoint ? [x, scale, zeroPoint] : [x, scale];
    return this.one('DequantizeLinear', inputs, { elemType: DataType.FLOAT, shape }, (b) => 2 * numel(shape, b));
  }

  /** DynamicQuantizeLinear: 4·|x|; returns [y (uint8), y_scale, y_zero_point]. */
  dynamicQuantizeLinear(x: string): [string, string, string] {
    const shape = this.shape(x);
    const outs = this.node(
      'DynamicQuantizeLinear',
      [x],
      [
        { elemType: DataType.UINT8, shape },
        { elemType: DataType.FLOAT, shape: [] },
        { elemType: DataType.UINT8, shape: [] },
      ],
      (b) => 4 * numel(shape, b),
      {},
      'dql',
    );
    return outs as [string, string, string];
  }

  // ---- result ------------------------------------------------------------------------------------------

  private totals(batch: number): { flops: number; bytes: number } {
    const flops = this.flopFns.reduce((s, f) => s + f(batch), 0);
    const bytes = this.produced.reduce((s, t) => s + numel(t.shape, batch) * elemSize(t.elemType), 0);
    return { flops, bytes };
  }

  counts(): BuildCounts {
    const one = this.totals(1);
    const two = this.totals(2);
    return {
      flopsPerSample: two.flops - one.flops,
      fixedFlops: 2 * one.flops - two.flops,
      activationBytesPerSample: two.bytes - one.bytes,
      fixedActivationBytes: 2 * one.bytes - two.bytes,
      paramsBytes: this.initializers.reduce((s, t) => s + t.raw.length, 0),
    };
  }

  build(): BuildResult {
    if (this.outputs.length === 0) throw new Error('graph has no outputs');
    const model: Model = {
      irVersion: this.irVersion,
      opsets: [{ domain: '', version: this.opset }],
      producerName: this.producerName,
      graph: {
        name: this.name,
        nodes: this.nodes,
        initializers: this.initializers,
        inputs: this.inputs,
        outputs: this.outputs,
        valueInfo: [],
      },
    };
    return { model, counts: this.counts() };
  }
}
