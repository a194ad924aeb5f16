/**
 * Small weighted least squares, with an exact non-negative variant for a handful of coefficients.
 * Calibration fits have 2–10 unknowns and tens of points, so clarity beats a general-purpose solver.
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
 * Non-negative least squares. Up to 8 columns exactly, by trying every subset of free columns: the constrained
 * optimum is the unconstrained optimum on its own support, so the best feasible subset solution is it (2^k solves).
 * Wider fits (the roofline model has 10 terms) use the Lawson–Hanson active-set method, which reaches the same
 * optimum in a handful of solves.
 */
export function nonNegativeLeastSquares(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): LsSolution {
  const k = x[0]?.length ?? 0;
  if (k > 8) return activeSetNnls(x, y, w);
  let best: LsSolution = { coef: new Array<number>(k).fill(0), loss: lossOf(x, y, w, new Array<number>(k).fill(0)) };
  for (let mask = 1; mask < 1 << k; mask++) {
    const cols = Array.from({ length: k }, (_, j) => j).filter((j) => mask & (1 << j));
    const s = weightedLeastSquares(x, y, w, cols);
    if (!s || s.coef.some((c) => c < 0)) continue;
    if (s.loss < best.loss * (1 - 1e-12)) best = s;
  }
  return best;
}

/**
 * Lawson & Hanson's active-set NNLS (Solving Least Squares Problems, 1974, ch. 23) on the weighted problem with
 * columns scaled to unit weighted norm. Columns that are zero on every row, or collinear with the ones already
 * free, stay at 0.
 */
export function activeSetNnls(x: readonly (readonly number[])[], y: readonly number[], w: readonly number[]): LsSolution {
  const n = y.length;
  const k = x[0]?.length ?? 0;
  const scale = Array.from({ length: k }, (_, j) => Math.sqrt(x.reduce((acc, row, i) => acc + w[i]! * row[j]! ** 2, 0)));
  const usable = scale.map((s) => s > 0);
  let coef = new Array<number>(k).fill(0);
  const free = new Set<number>();
  const tol = 1e-10 * Math.sqrt(y.reduce((acc, v, i) => acc + w[i]! * v * v, 0));
  for (let outer = 0; outer < 3 * k + 3; outer++) {
    // Gradient of −½·loss in scaled coordinates: how much each held column would lower the loss if freed.
    const resid = Array.from({ length: n }, (_, i) => y[i]! - x[i]!.reduce((acc, v, j) => acc + v * coef[j]!, 0));
    let best = -1;
    let bestGrad = tol;
    for (let j = 0; j < k; j++) {
      if (free.has(j) || !usable[j]) continue;
      const g = x.reduce((acc, row, i) => acc + w[i]! * row[j]! * resid[i]!, 0) / scale[j]!;
      if (g > bestGrad) [best, bestGrad] = [j, g];
    }
    if (best < 0) break;
    free.add(best);
    for (let inner = 0; inner < 3 * k + 3; inner++) {
      const s = weightedLeastSquares(x, y, w, [...free].sort((a, b) => a - b));
      if (!s) {
        // Collinear with the free columns: it adds nothing the others cannot give.
        free.delete(best);
        usable[best] = false;
        break;
      }
      if ([...free].every((j) => s.coef[j]! > 0)) {
        coef = s.coef;
        break;
      }
      // Step from the feasible point towards s as far as feasibility allows, then hold the columns that hit 0.
      let alpha = 1;
      for (const j of free) if (s.coef[j]! <= 0) alpha = Math.min(alpha, coef[j]! / (coef[j]! - s.coef[j]!));
      coef = coef.map((c, j) => (free.has(j) ? c + alpha * (s.coef[j]! - c) : 0));
      for (const j of [...free]) if (coef[j]! * scale[j]! <= tol) {
        free.delete(j);
        coef[j] = 0;
      }
      if (free.size === 0) break;
    }
  }
  return { coef, loss: lossOf(x, y, w, coef) };
}
