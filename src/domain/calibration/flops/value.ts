import { elementSize } from '../../onnx/read.ts';
import { DataType, type DataTypeId, type Tensor } from '../../onnx/types.ts';

/**
 * What shape inference knows about one tensor: its element type, its shape when known, and, for small tensors
 * (shape arithmetic, scales, constants), its values, so Shape → Gather → Concat → Reshape chains fold.
 */
export interface Val {
  dtype: DataTypeId;
  /** Undefined when the shape could not be inferred. */
  shape?: number[];
  /** Values in row-major order (bools as 0/1), only for tensors of at most FOLD_LIMIT elements. */
  data?: number[];
}

/** Tensors larger than this are never folded: shape computations are tiny, weights are not needed. */
export const FOLD_LIMIT = 4096;

/** A node whose output shape cannot be worked out; the engine turns it into a warning and 0 FLOPs. */
export class ShapeError extends Error {}

export const numel = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

export const bytesOf = (v: Val): number => (v.shape ? numel(v.shape) * elementSize(v.dtype) : 0);

export function fmt(shape: readonly number[] | undefined): string {
  return shape ? `[${shape.join(',')}]` : '[?]';
}

/** Normalises a possibly negative axis against a rank, or throws. */
export function normAxis(axis: number, rank: number, what = 'axis'): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) throw new ShapeError(`${what} ${axis} out of range for rank ${rank}`);
  return a;
}

/** Multidirectional (numpy) broadcasting. */
export function broadcast(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    let d = 1;
    for (const s of shapes) {
      const k = s.length - rank + i;
      const x = k >= 0 ? s[k]! : 1;
      if (x === 1) continue;
      if (d !== 1 && d !== x) throw new ShapeError(`cannot broadcast ${shapes.map((s) => fmt(s)).join(' with ')}`);
      d = x;
    }
    out.push(d);
  }
  return out;
}

export function checkShape(shape: number[], what: string): number[] {
  for (const d of shape) if (!Number.isInteger(d) || d < 0) throw new ShapeError(`${what} would have an invalid dimension ${d} in ${fmt(shape)}`);
  return shape;
}

const isInt = (dt: DataTypeId) => dt === DataType.INT64 || dt === DataType.INT32 || dt === DataType.INT16 || dt === DataType.INT8 || dt === DataType.UINT8 || dt === DataType.UINT16 || dt === DataType.UINT32 || dt === DataType.UINT64 || dt === DataType.BOOL;
export const isIntegerType = isInt;

/** Decodes a tensor's raw bytes into numbers; undefined for large tensors, strings or truncated data. */
export function tensorValues(t: Tensor, limit = FOLD_LIMIT): number[] | undefined {
  const n = numel(t.dims);
  if (n > limit) return undefined;
  const size = elementSize(t.dataType);
  if (size === 0 || t.raw.length < n * size) return undefined;
  const v = new DataView(t.raw.buffer, t.raw.byteOffset, t.raw.byteLength);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const o = i * size;
    switch (t.dataType) {
      case DataType.FLOAT:
        out[i] = v.getFloat32(o, true);
        break;
      case DataType.DOUBLE:
        out[i] = v.getFloat64(o, true);
        break;
      case DataType.INT64:
        out[i] = Number(v.getBigInt64(o, true));
        break;
      case DataType.UINT64:
        out[i] = Number(v.getBigUint64(o, true));
        break;
      case DataType.INT32:
        out[i] = v.getInt32(o, true);
        break;
      case DataType.UINT32:
        out[i] = v.getUint32(o, true);
        break;
      case DataType.INT16:
        out[i] = v.getInt16(o, true);
        break;
      case DataType.UINT16:
        out[i] = v.getUint16(o, true);
        break;
      case DataType.INT8:
        out[i] = v.getInt8(o);
        break;
      case DataType.FLOAT16:
        out[i] = halfToNumber(v.getUint16(o, true));
        break;
      default:
        out[i] = v.getUint8(o);
    }
  }
  return out;
}

function halfToNumber(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0) return s * m * 2 ** -24;
  if (e === 31) return m ? NaN : s * Infinity;
  return s * (1 + m / 1024) * 2 ** (e - 15);
}

export function tensorVal(t: Tensor): Val {
  const val: Val = { dtype: t.dataType, shape: [...t.dims] };
  const data = tensorValues(t);
  if (data) val.data = data;
  return val;
}

/** Rounds a folded value the way the element type stores it. */
export function castNumber(x: number, to: DataTypeId): number {
  if (to === DataType.BOOL) return x ? 1 : 0;
  if (isInt(to)) return Number.isFinite(x) ? Math.trunc(x) : 0;
  if (to === DataType.FLOAT) return Math.fround(x);
  return x;
}
