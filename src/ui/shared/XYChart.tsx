import './charts.css';

/** A small SVG chart: points per series, an optional fitted line per series, log or linear axes. */

export interface Series {
  label: string;
  points: { x: number; y: number }[];
  /** Drawn as a dashed line (a fit or a prediction). */
  line?: { x: number; y: number }[];
}

interface Props {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  /** Draw y = x (predicted vs measured). */
  diagonal?: boolean;
  fmtY?: (v: number) => string;
  testId?: string;
}

const W = 460;
const H = 240;
const PAD = { l: 66, r: 14, t: 12, b: 34 };
export const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d', '#475569', '#ea580c', '#0d9488', '#9333ea', '#ca8a04', '#be123c', '#4f46e5', '#15803d'];

function scale(lo: number, hi: number, a: number, b: number, log: boolean) {
  const f = log ? Math.log : (v: number) => v;
  const l0 = f(lo);
  const l1 = f(hi);
  return (v: number) => a + ((f(v) - l0) / (l1 - l0 || 1)) * (b - a);
}

function ticks(lo: number, hi: number, log: boolean): number[] {
  if (log) {
    const out: number[] = [];
    // 1-2-5 steps over a narrow range; only powers of ten when the range spans many decades (labels would collide).
    const mults = Math.log10(hi / lo) > 2.2 ? [1] : [1, 2, 5];
    for (let p = Math.floor(Math.log10(lo)); p <= Math.ceil(Math.log10(hi)); p++) for (const m of mults) out.push(m * 10 ** p);
    const inside = out.filter((v) => v >= lo * 0.999 && v <= hi * 1.001);
    return inside.length >= 2 ? inside : [lo, hi];
  }
  const step = 10 ** Math.floor(Math.log10((hi - lo) / 4 || 1));
  const nice = [1, 2, 5, 10].map((m) => m * step).find((s) => (hi - lo) / s <= 6) ?? step * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / nice) * nice; v <= hi + 1e-9; v += nice) out.push(v);
  return out;
}

const defaultFmt = (v: number) => (Number.isInteger(v) || v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));

export function XYChart({ title, xLabel, yLabel, series, logX, logY, diagonal, fmtY = defaultFmt, testId }: Props) {
  const all = series.flatMap((s) => [...s.points, ...(s.line ?? [])]).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y) && (!logX || p.x > 0) && (!logY || p.y > 0));
  if (all.length === 0) return null;
  let xLo = Math.min(...all.map((p) => p.x));
  let xHi = Math.max(...all.map((p) => p.x));
  let yLo = logY ? Math.min(...all.map((p) => p.y)) : 0;
  let yHi = Math.max(...all.map((p) => p.y));
  if (diagonal) {
    xLo = yLo = Math.min(xLo, yLo);
    xHi = yHi = Math.max(xHi, yHi);
  }
  if (xLo === xHi) xHi = xLo * 2 || 1;
  if (yLo === yHi) yHi = yLo * 2 || 1;
  if (!logY) yHi *= 1.08;
  const x = scale(xLo, xHi, PAD.l, W - PAD.r, !!logX);
  const y = scale(yLo, yHi, H - PAD.b, PAD.t, !!logY);
  // Few distinct x values (batch sizes): label exactly those.
  const xs = [...new Set(all.map((p) => p.x))].sort((a, b) => a - b);
  const xTicks = !diagonal && xs.length <= 8 ? xs : ticks(xLo, xHi, !!logX);
  const line = (pts: { x: number; y: number }[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join('');
  return (
    <figure className="xy-chart" data-testid={testId}>
      <figcaption className="xy-title">{title}<span className="xy-unit"> · {yLabel}</span></figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${yLabel} against ${xLabel}`}>
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="lc-axis" />
        <line x1={PAD.l} x2={PAD.l} y1={PAD.t} y2={H - PAD.b} className="lc-axis" />
        {xTicks.map((t) => (
          <text key={`x${t}`} x={x(t)} y={H - PAD.b + 14} textAnchor="middle" className="lc-tick">{defaultFmt(t)}</text>
        ))}
        {ticks(yLo, yHi, !!logY).map((t) => (
          <g key={`y${t}`}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} className="xy-grid" />
            <text x={PAD.l - 5} y={y(t) + 3.5} textAnchor="end" className="lc-tick">{fmtY(t)}</text>
          </g>
        ))}
        <text x={(PAD.l + W - PAD.r) / 2} y={H - 4} textAnchor="middle" className="lc-tick">{xLabel}</text>
        {diagonal && <path d={`M${x(xLo)},${y(yLo)}L${x(xHi)},${y(yHi)}`} className="xy-diag" />}
        {series.map((s, i) => {
          const color = PALETTE[i % PALETTE.length];
          return (
            <g key={s.label} style={{ color }}>
              {s.line && s.line.length > 1 && <path d={line(s.line)} className="xy-fit" />}
              {s.points.map((p) => (
                <circle key={`${p.x}:${p.y}`} cx={x(p.x)} cy={y(p.y)} r={3} className="xy-dot">
                  <title>{`${s.label}: ${xLabel} ${defaultFmt(p.x)}, ${yLabel} ${fmtY(p.y)}`}</title>
                </circle>
              ))}
            </g>
          );
        })}
      </svg>
      <div className="xy-legend">
        {series.map((s, i) => (
          <span key={s.label} className="xy-key"><span className="xy-swatch" style={{ background: PALETTE[i % PALETTE.length] }} />{s.label}</span>
        ))}
      </div>
    </figure>
  );
}

/** Horizontal bars: one per label, value printed at the end. */
export function BarChart({ title, rows, unit, testId }: { title: string; rows: { label: string; value: number; note?: string }[]; unit: string; testId?: string }) {
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((r) => r.value), 1e-9);
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption className="xy-title">{title}</figcaption>
      {rows.map((r, i) => (
        <div key={r.label} className="bar-row">
          <span className="bar-label" title={r.label}>{r.label}</span>
          <span className="bar-track"><span className="bar-fill" style={{ width: `${(r.value / max) * 100}%`, background: PALETTE[i % PALETTE.length] }} /></span>
          <span className="bar-value">{defaultFmt(r.value)} {unit}{r.note ? <span className="faint"> · {r.note}</span> : null}</span>
        </div>
      ))}
    </figure>
  );
}
