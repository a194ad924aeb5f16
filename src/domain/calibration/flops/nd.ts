import { FOLD_LIMIT, numel } from './value.ts';

/** Small n-d helpers for constant folding (only ever run on tensors of at most FOLD_LIMIT elements). */

export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** For every output position (row-major), the input flat index that `at` picks from the output multi-index. */
export function gatherBy(outShape: readonly number[], data: readonly number[], at: (idx: number[]) => number): number[] | undefined {
  const n = numel(outShape);
  if (n > FOLD_LIMIT) return undefined;
  const out = new Array<number>(n);
  const idx = new Array<number>(outShape.length).fill(0);
  for (let k = 0; k < n; k++) {
    out[k] = data[at(idx)] ?? 0;
    for (let d = outShape.length - 1; d >= 0; d--) {
      if (++idx[d]! < outShape[d]!) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Values of a tensor broadcast to a larger shape. */
export function broadcastTo(data: readonly number[], inShape: readonly number[], outShape: readonly number[]): number[] | undefined {
  const st = strides(inShape);
  const off = outShape.length - inShape.length;
  return gatherBy(outShape, data, (idx) => {
    let f = 0;
    for (let d = 0; d < inShape.length; d++) if (inShape[d] !== 1) f += idx[d + off]! * st[d]!;
    return f;
  });
}
