import { useMemo } from 'react';
import { loadSweep, type SweepPoint } from '../../domain/capacity/sweep.ts';
import { useEstimate } from '../../state/estimateStore.ts';
import { useWorkload } from '../../state/selectors.ts';
import { fmtMs, fmtRps, fmtUsd } from './format.ts';

const W = 640;
const H = 200;
const PAD = { l: 56, r: 64, t: 14, b: 30 };

function scaleLog(lo: number, hi: number, a: number, b: number) {
  const l0 = Math.log(lo);
  const l1 = Math.log(hi);
  return (v: number) => a + ((Math.log(v) - l0) / (l1 - l0 || 1)) * (b - a);
}

function path(points: [number, number][]): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`).join('');
}

/** p99 (left axis) and monthly cost to carry the load (right axis) against load; saturated loads are shaded. */
export function LoadChart() {
  const workload = useWorkload();
  const input = useEstimate((s) => s.input);
  const mult = useEstimate((s) => s.loadMultiplier);
  const budget = workload?.p99BudgetMs;
  // Keyed on the estimate's input so drags do not re-run the sweep.
  const profiles = useEstimate((s) => s.profiles);
  const points: SweepPoint[] = useMemo(() => (input ? loadSweep(input, { profiles }) : []), [input, profiles]);
  if (points.length === 0) return null;
  const x = scaleLog(points[0]!.loadRps, points[points.length - 1]!.loadRps, PAD.l, W - PAD.r);
  const finite = points.filter((p) => p.p99Ms !== null).map((p) => p.p99Ms!);
  const maxMs = Math.max(...finite, budget ?? 0, 1) * 1.15;
  const yMs = (v: number) => H - PAD.b - (v / maxMs) * (H - PAD.t - PAD.b);
  const maxCost = Math.max(...points.map((p) => p.costScaledUsd), 1) * 1.15;
  const yCost = (v: number) => H - PAD.b - (v / maxCost) * (H - PAD.t - PAD.b);
  const latencyPts = points.filter((p) => p.p99Ms !== null).map((p) => [x(p.loadRps), yMs(p.p99Ms!)] as [number, number]);
  const costPts = points.map((p) => [x(p.loadRps), yCost(p.costScaledUsd)] as [number, number]);
  const firstSat = points.find((p) => p.p99Ms === null);
  const cur = points.find((p) => Math.abs(p.multiplier - mult) < 1e-9);
  const curX = x((points.find((p) => p.multiplier === 1)?.loadRps ?? points[0]!.loadRps) * mult);
  const ticks = points.filter((_, i) => i % 2 === 0);
  return (
    <figure className="load-chart" data-testid="load-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="p99 latency and monthly cost against load">
        {firstSat && <rect x={x(firstSat.loadRps) - 6} y={PAD.t} width={W - PAD.r - x(firstSat.loadRps) + 6} height={H - PAD.t - PAD.b} className="lc-sat" />}
        {firstSat && <text x={W - PAD.r - 4} y={PAD.t + 12} textAnchor="end" className="lc-sat-label">saturated: p99 unbounded</text>}
        <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="lc-axis" />
        {ticks.map((p) => (
          <text key={p.multiplier} x={x(p.loadRps)} y={H - PAD.b + 16} textAnchor="middle" className="lc-tick">{fmtRps(p.loadRps)}</text>
        ))}
        {[0.5, 1].map((f) => (
          <g key={f}>
            <text x={PAD.l - 6} y={yMs(maxMs * f / 1.15) + 4} textAnchor="end" className="lc-tick lc-p99">{fmtMs((maxMs * f) / 1.15)}</text>
            <text x={W - PAD.r + 6} y={yCost(maxCost * f / 1.15) + 4} className="lc-tick lc-cost">{fmtUsd((maxCost * f) / 1.15)}</text>
          </g>
        ))}
        {budget !== undefined && <line x1={PAD.l} x2={W - PAD.r} y1={yMs(budget)} y2={yMs(budget)} className="lc-budget" />}
        {budget !== undefined && <text x={PAD.l + 4} y={yMs(budget) - 4} className="lc-tick lc-budget-label">p99 budget {fmtMs(budget)}</text>}
        <path d={path(costPts)} className="lc-line lc-cost-line" />
        <path d={path(latencyPts)} className="lc-line lc-p99-line" />
        {latencyPts.map(([px, py]) => <circle key={`${px}`} cx={px} cy={py} r={2.5} className="lc-dot" />)}
        <line x1={curX} x2={curX} y1={PAD.t} y2={H - PAD.b} className="lc-cursor" />
      </svg>
      <figcaption className="small muted">
        <span className="lc-key lc-p99">━ p99 end to end</span> <span className="lc-key lc-cost">━ cost / month with the replicas each load needs</span>
        {cur && <> · at ×{mult}: p99 {cur.p99Ms === null ? 'unbounded' : fmtMs(cur.p99Ms)}, {fmtUsd(cur.costScaledUsd)}/mo</>}
      </figcaption>
    </figure>
  );
}
