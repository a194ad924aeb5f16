import { useEstimate } from '../../state/estimateStore.ts';
import { fmtMs, fmtPct, fmtRps, fmtUsd, utilBand } from './format.ts';

/** Live numbers under a component box: utilisation bar, p99, or saturation; offline parts show their cost. */
export function NodeBadge({ id }: { id: string }) {
  const est = useEstimate((s) => s.estimate?.nodes[id]);
  if (!est) return null;
  if (est.role === 'offline') return <div className="cnode-est" data-testid="node-badge">offline · {fmtUsd(est.monthlyCostUsd)}/mo</div>;
  if (est.role === 'source') return <div className="cnode-est" data-testid="node-badge">sends {fmtRps(est.arrivalRps)}</div>;
  const band = utilBand(est.utilization, est.saturated);
  return (
    <div className={`cnode-est band-${band}`} data-testid="node-badge" data-band={band}>
      <span className="cnode-util" aria-hidden="true">
        <span style={{ width: `${Math.min(100, est.utilization * 100)}%` }} />
      </span>
      {est.saturated ? <span>saturated · p99 ∞</span> : <span>{fmtPct(est.utilization)} · p99 {fmtMs(est.p99Ms)}</span>}
    </div>
  );
}

export function useIsBottleneck(id: string): boolean {
  return useEstimate((s) => s.estimate?.bottleneck === id && (s.estimate.nodes[id]?.saturated ?? false));
}
