/** A growable buffer of observations, for exact quantiles (sorted once at the end). */
export class SampleBuffer {
  private data: Float64Array;
  n = 0;
  sum = 0;

  constructor(capacity = 256) {
    this.data = new Float64Array(capacity);
  }

  push(x: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = x;
    this.sum += x;
  }

  mean(): number {
    return this.n > 0 ? this.sum / this.n : NaN;
  }

  /** A sorted copy of the observations. */
  sorted(): Float64Array {
    return this.data.slice(0, this.n).sort();
  }
}

/** Quantile of sorted data by linear interpolation between order statistics (Hyndman–Fan type 7, as numpy). */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const x = sorted[lo]!;
  return x + (h - lo) * (sorted[hi]! - x);
}
