// Small, dependency-free summary statistics (nearest-rank percentiles).
export const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

export function percentile(values, p) {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function summary(values) {
  if (values.length === 0) return { median: null, min: null, max: null, samples: [] };
  return { median: round(percentile(values, 50)), min: round(Math.min(...values)), max: round(Math.max(...values)), samples: values.map((v) => round(v)) };
}
