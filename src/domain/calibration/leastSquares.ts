/**
 * Small weighted least squares, with an exact non-negative variant for a handful of coefficients.
 * Calibration fits have 2–3 unknowns and tens of points, so clarity beats a general-purpose solver.
 */

export interface LsSolution {
  coef: number[];
  /** Σ wᵢ·(xᵢ·coef − yᵢ)². */
  loss: number;
}

/** Solve A·x = b in place by Gaussian elimination with partial pivoting; null when A is (numerically) singular. */
function solveSquare(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    if (Math.abs(a[pivot]![col]!) < 1e-12) return null;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = col + 1; r < n; r++) {
      const f = a[r]![col]! / a[col]![col]!;
      for (let c = col; c < n; c++) a[r]![c]! -= f * a[col]![c]!;
      b[r]! -= f * b[col]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let c = r + 1; c < n; c++) s -= a[r]![c]! * x[c]!;
    x[r] = s / a[r]![r]!;
  }
  return x;
}

function lossOf(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[], coef: readonly number[]): number {
  let loss = 0;
  for (let i = 0; i < y.length; i++) {
    let pred = 0;
    for (let j = 0; j < coef.length; j++) pred += x[i]![j]! * coef[j]!;
    loss += w[i]! * (pred - y[i]!) ** 2;
  }
  return loss;
}

/**
 * Unconstrained weighted least squares on the columns in `cols` (the others are fixed at 0). Normal equations
 * after scaling each column to unit weighted norm, so FLOPs (1e9) and milliseconds (1) can share a system.
 * Returns null when the chosen columns are collinear on these points.
 */
export function weightedLeastSquares(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[], cols?: readonly number[]): LsSolution | null {
  const k = x[0]?.length ?? 0;
  const use = cols ?? Array.from({ length: k }, (_, j) => j);
  const scale = use.map((j) => Math.sqrt(x.reduce((acc, row, i) => acc + w[i]! * row[j]! ** 2, 0)));
  if (scale.some((s) => !(s > 0))) return null;
  const a = use.map((j, p) => use.map((l, q) => x.reduce((acc, row, i) => acc + w[i]! * row[j]! * row[l]!, 0) / (scale[p]! * scale[q]!)));
  const b = use.map((j, p) => x.reduce((acc, row, i) => acc + w[i]! * row[j]! * y[i]!, 0) / scale[p]!);
  const z = solveSquare(a, b);
  if (!z) return null;
  const coef = new Array<number>(k).fill(0);
  use.forEach((j, p) => (coef[j] = z[p]! / scale[p]!));
  return { coef, loss: lossOf(x, y, w, coef) };
}

/**
 * Non-negative least squares, exactly, by trying every subset of free columns: the constrained optimum is the
 * unconstrained optimum on its own support, so the best feasible subset solution is it. 2^k solves, fine for k ≤ 8.
 */
export function nonNegativeLeastSquares(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): LsSolution {
  const k = x[0]?.length ?? 0;
  if (k > 8) throw new RangeError('nonNegativeLeastSquares enumerates subsets; use at most 8 columns');
  let best: LsSolution = { coef: new Array<number>(k).fill(0), loss: lossOf(x, y, w, new Array<number>(k).fill(0)) };
  for (let mask = 1; mask < 1 << k; mask++) {
    const cols = Array.from({ length: k }, (_, j) => j).filter((j) => mask & (1 << j));
    const s = weightedLeastSquares(x, y, w, cols);
    if (!s || s.coef.some((c) => c < 0)) continue;
    if (s.loss < best.loss * (1 - 1e-12)) best = s;
  }
  return best;
}
